package io.hookline.cli.deadletters;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.Progress;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sending dead letters back to their source topic, key and value bytes unchanged and without the
 * {@code hookline.dlq.*} headers, for {@code dead-letters replay} and the console. A letter that records a failed
 * delivery (earlier versions wrote those) or whose source is not one of Hookline's topics is skipped with the reason.
 */
public final class DeadLetterReplay {

    /** The dead letter at {@code partition:offset} went back to {@code topic:toPartition:toOffset}. */
    public record Replayed(int partition, long offset, String topic, int toPartition, long toOffset) {
    }

    /** The dead letter at {@code partition:offset} was not replayed, {@code why}. */
    public record Skipped(int partition, long offset, String why) {
    }

    /** @param selected how many dead letters the selection chose */
    public record Report(int selected, List<Replayed> replayed, List<Skipped> skipped) {
    }

    private final HooklineConfig config;

    public DeadLetterReplay(HooklineConfig config) {
        this.config = config;
    }

    /**
     * Replays the dead letters {@code chosen} accepts.
     *
     * @param progressNotes where long reads and the sending report their progress; null: nowhere
     * @param published     told of each replayed letter as the broker acknowledges it
     */
    public Report replay(Predicate<ConsumerRecord<byte[], byte[]>> chosen, PrintWriter progressNotes,
                         Consumer<Replayed> published) {
        Topics topics = TopicSettings.topics(config);
        KafkaClients clients = new KafkaClients(config);
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), topics.deadLetters().name(),
                progressNotes)) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                if (chosen.test(r)) {
                    letters.add(r);
                }
            }, () -> true);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        List<ConsumerRecord<byte[], byte[]>> sources = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> replays = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : letters) {
            String why = unreplayable(r, topics);
            if (why != null) {
                skipped.add(new Skipped(r.partition(), r.offset(), why));
                continue;
            }
            RecordHeaders headers = new RecordHeaders();
            r.headers().forEach(h -> {
                if (!h.key().startsWith("hookline.dlq.")) {
                    headers.add(h);
                }
            });
            sources.add(r);
            replays.add(new ProducerRecord<>(DeadLetter.from(r.headers()).topic(), null, r.key(), r.value(),
                    headers));
        }
        List<Replayed> replayed = new ArrayList<>();
        AtomicInteger acknowledged = new AtomicInteger();
        try (Progress progress = progressNotes == null ? null : Progress.start(progressNotes, () -> "replayed "
                + Progress.ofTotal(acknowledged.get(), replays.size()) + " dead letters")) {
            clients.send(new ByteArraySerializer(), new ByteArraySerializer(), replays, m -> {
                ConsumerRecord<byte[], byte[]> source = sources.get(acknowledged.getAndIncrement());
                Replayed r = new Replayed(source.partition(), source.offset(), m.topic(), m.partition(), m.offset());
                replayed.add(r);
                published.accept(r);
            }, "replayed dead letters");
        }
        return new Report(letters.size(), replayed, skipped);
    }

    /** Why the dead letter {@code r} cannot be replayed, or null when it can. */
    public static String unreplayable(ConsumerRecord<byte[], byte[]> r, Topics topics) {
        Set<String> replayable = topics.all().stream().filter(t -> t != topics.deadLetters())
                .map(Topic::name).collect(Collectors.toSet());
        DeadLetter d = DeadLetter.from(r.headers());
        String failedDelivery = FailedDeliveryLetters.deliveryIdOf(d);
        if (failedDelivery != null) {
            return "it records the failed delivery " + failedDelivery + " (written by an earlier version, without "
                    + "the hook's token and signing secrets); send it again with `hookline deliveries redeliver "
                    + failedDelivery + "`";
        }
        if (d == null || !replayable.contains(d.topic())) {
            return "source topic " + (d == null ? "unknown (no hookline.dlq headers)" : "'" + d.topic() + "'")
                    + " is not one of Hookline's topics";
        }
        return null;
    }
}
