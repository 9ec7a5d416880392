package io.hookline.cli.deadletters;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.cli.tail.RecordFormatter;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.topic.Topics;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hookline dead-letters list}: the dead letters now in the topic, as JSON lines. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Print the dead letters now in the topic, one JSON document per line, as `tail` does; the",
                "headers hookline.dlq.stage / reason / topic / partition / offset say who gave up, why, and where",
                "the record came from. Secrets in values are masked."},
        footer = {"", "Examples:", "  hookline dead-letters list", "  hookline dead-letters list --stage matcher"})
public final class ListDeadLettersCommand extends HooklineSubcommand {

    @Mixin
    FilterOptions selection;

    @Option(names = {"--max", "-n"}, paramLabel = "N", description = "Stop after N dead letters.")
    Integer max;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new CliFailure("--max must be at least 1, got " + max);
        }
        HooklineConfig config = clientConfig();
        KafkaClients clients = new KafkaClients(config);
        DeadLetterFilter filter = selection.filter(TopicSettings.topics(config));
        RecordFormatter formatter = new RecordFormatter(false);
        AtomicInteger printed = new AtomicInteger();
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), TopicSettings.topics(config).deadLetters().name(),
                err())) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                if (filter.matches(r)) {
                    out().println(formatter.format(r));
                    printed.incrementAndGet();
                }
            }, () -> max == null || printed.get() < max);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        return ExitCodes.OK;
    }
}
