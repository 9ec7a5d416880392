package io.hookline.cli.deadletters;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.Progress;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hookline dead-letters replay}: sends chosen dead letters back to the topic they came from, key and value
 * bytes unchanged, for another try once the cause is fixed (a stage upgraded, a hook corrected).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Send dead letters back to their source topic (key and value bytes unchanged; the",
                "hookline.dlq.* headers are dropped) for another try. Select them with --at, --stage or",
                "--source-topic; --all selects every dead letter. The dead letters stay where they are.",
                "Failed deliveries are not dead letters: `deliveries redeliver` sends those again (a dispatcher",
                "dead letter of an earlier version that records one is skipped with the command to use).",
                "Prints where each went (TOPIC:PARTITION:OFFSET) on stdout; a long replay reports n of m on stderr."},
        footer = {"", "Examples:", "  hookline dead-letters replay --at 0:17",
                "  hookline dead-letters replay --stage ingestor"})
public final class ReplayDeadLettersCommand extends HooklineSubcommand {

    @Mixin
    FilterOptions selection;

    @Option(names = "--all", description = "Replay every dead letter (no selection needed).")
    boolean all;

    @Override
    public Integer call() {
        if (!all && !selection.selectsSomething()) {
            throw new CliFailure("say which dead letters to replay: --at PARTITION:OFFSET, --stage, --source-topic, "
                    + "or --all");
        }
        HooklineConfig config = clientConfig();
        Topics topics = TopicSettings.topics(config);
        Set<String> replayable = topics.all().stream().filter(t -> t != topics.deadLetters())
                .map(Topic::name).collect(Collectors.toSet());
        KafkaClients clients = new KafkaClients(config);
        DeadLetterFilter filter = selection.filter(topics);
        List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), topics.deadLetters().name(), err())) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                if (filter.matches(r)) {
                    chosen.add(r);
                }
            }, () -> true);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        List<ProducerRecord<byte[], byte[]>> replays = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : chosen) {
            DeadLetter d = DeadLetter.from(r.headers());
            String failedDelivery = FailedDeliveryLetters.deliveryIdOf(d);
            if (failedDelivery != null) {
                err().println("skipped dead letter " + r.partition() + ":" + r.offset() + ": it records the failed "
                        + "delivery " + failedDelivery + " (written by an earlier version, without the hook's token "
                        + "and signing secrets); send it again with `hookline deliveries redeliver "
                        + failedDelivery + "`");
                continue;
            }
            if (d == null || !replayable.contains(d.topic())) {
                err().println("skipped dead letter " + r.partition() + ":" + r.offset() + ": source topic "
                        + (d == null ? "unknown (no hookline.dlq headers)" : "'" + d.topic() + "'")
                        + " is not one of Hookline's topics");
                continue;
            }
            RecordHeaders headers = new RecordHeaders();
            r.headers().forEach(h -> {
                if (!h.key().startsWith("hookline.dlq.")) {
                    headers.add(h);
                }
            });
            replays.add(new ProducerRecord<>(d.topic(), null, r.key(), r.value(), headers));
        }
        AtomicInteger acknowledged = new AtomicInteger();
        try (Progress progress = Progress.start(err(), () -> "replayed " + Progress.ofTotal(acknowledged.get(),
                replays.size()) + " dead letters")) {
            clients.send(new ByteArraySerializer(), new ByteArraySerializer(), replays, m -> {
                out().println(m.topic() + ":" + m.partition() + ":" + m.offset());
                acknowledged.incrementAndGet();
            }, "replayed dead letters");
        }
        err().println("replayed " + replays.size() + " of " + chosen.size() + " selected dead letter(s)");
        return replays.size() == chosen.size() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
