package io.hookline.cli.tail;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hookline tail TOPIC}: prints a topic's records, one JSON document per line. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Print the records of a topic, one JSON document per line:",
                "{\"topic\", \"partition\", \"offset\", \"timestamp\", \"key\", \"headers\", \"value\"}.",
                "Without --follow: every record up to the end of the topic as it is now, then exit.",
                "With --follow: new records as they arrive until Ctrl-C (add --from-beginning for all)."},
        footer = {"", "Examples:", "  hookline tail post-commands", "  hookline tail webhook-responses --follow",
                "  hookline tail posts --max 10"})
public final class TailCommand extends HooklineSubcommand {

    @Parameters(paramLabel = "TOPIC", description = "Logical name (posts, webhook-configs, webhook-triggers, "
            + "webhook-responses, post-commands, dead-letters, webhook-retries) or actual topic name.")
    String topicName;

    @Option(names = "--from-beginning", description = "With --follow: start at the oldest record, not at the end.")
    boolean fromBeginning;

    @Option(names = {"--follow", "-f"}, description = "Keep printing new records until Ctrl-C or --max.")
    boolean follow;

    @Option(names = {"--max", "-n"}, paramLabel = "N", description = "Stop after N records.")
    Integer max;

    @Option(names = "--show-secrets", description = "Print token and signing_secret fields, and the values of "
            + "integration-secrets, instead of ****.")
    boolean showSecrets;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new CliFailure("--max must be at least 1, got " + max);
        }
        HooklineConfig config = clientConfig();
        Topics topics = TopicSettings.topics(config);
        Topic<?, ?> known = topics.byName(topicName);
        String actual = known == null ? topicName : known.name();
        KafkaClients clients = new KafkaClients(config);
        RecordFormatter formatter = new RecordFormatter(showSecrets, Set.of(topics.integrationSecrets().name()));
        PrintWriter out = out();
        AtomicInteger printed = new AtomicInteger();
        // Progress notes only for a snapshot read: a follower is waiting for records, not working through them.
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), actual, follow ? null : err())) {
            Thread shutdown = follow ? stopOnShutdown(reader) : null;
            try {
                if (follow && !fromBeginning) {
                    reader.seekToEnd();
                } else {
                    reader.seekToBeginning();
                }
                Consumer<ConsumerRecord<byte[], byte[]>> sink = r -> {
                    out.println(formatter.format(r));
                    // Flush per record: tail is often piped and watched live.
                    out.flush();
                    printed.incrementAndGet();
                };
                if (follow) {
                    reader.follow(sink, () -> max == null || printed.get() < max);
                } else {
                    reader.readToEnd(sink, () -> max == null || printed.get() < max);
                }
            } catch (WakeupException e) {
                // Ctrl-C while following: a normal end.
            } finally {
                if (shutdown != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(shutdown);
                    } catch (IllegalStateException alreadyShuttingDown) {
                        // the hook is running: nothing to remove
                    }
                }
            }
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        return ExitCodes.OK;
    }

    private static Thread stopOnShutdown(TopicReader reader) {
        Thread hook = new Thread(reader::wakeup, "hookline-tail-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }
}
