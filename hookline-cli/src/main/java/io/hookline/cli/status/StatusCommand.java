package io.hookline.cli.status;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.hooks.ConfigTableReader;
import io.hookline.cli.hooks.HookTable;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.Progress;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;

/** {@code hookline status}: topics, hooks and how far behind each service's consumer group is. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show Hookline's topics (partitions, end offsets), the number of live hooks, each rejected",
                "hook (latest record invalid, so it does not fire) with the reason, and the",
                "consumer groups of the services (<hookline.application-id-prefix>-...) with their lag.",
                "When gathering takes more than a few seconds, stderr says which step it is at."},
        footer = {"", "Example:", "  hookline status"})
public final class StatusCommand extends HooklineSubcommand {

    private static final long TIMEOUT_SECONDS = 20;

    @Override
    public Integer call() throws Exception {
        HooklineConfig config = clientConfig();
        KafkaClients clients = new KafkaClients(config);
        Topics topics = TopicSettings.topics(config);
        PrintWriter out = out();
        // stdout is the report; which step a slow cluster holds it at goes to stderr.
        AtomicReference<String> step = new AtomicReference<>("listing topics");
        try (Admin admin = clients.admin(); Progress progress = Progress.start(err(), () -> "status: " + step.get())) {
            var existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> present = topics.all().stream().map(Topic::name).filter(existing::contains).toList();
            Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<TopicPartition> all = new ArrayList<>();
            described.values().forEach(d -> d.partitions().forEach(p -> all.add(new TopicPartition(d.name(),
                    p.partition()))));
            step.set("reading the end offsets of " + all.size() + " partitions");
            GroupLags lags = new GroupLags(admin, TIMEOUT_SECONDS);
            Map<TopicPartition, Long> ends = lags.endOffsets(all);

            out.printf("%-28s  %-18s  %10s  %12s%n", "TOPIC", "ROLE", "PARTITIONS", "END OFFSETS");
            for (Topic<?, ?> t : topics.all()) {
                TopicDescription d = described.get(t.name());
                long sum = ends.entrySet().stream().filter(e -> e.getKey().topic().equals(t.name()))
                        .mapToLong(Map.Entry::getValue).sum();
                out.printf("%-28s  %-18s  %10s  %12s%n", t.name(), t.logicalName(),
                        d == null ? "missing" : Integer.toString(d.partitions().size()), d == null ? "-" : sum);
            }
            if (present.contains(topics.webhookConfigs().name())) {
                step.set("reading " + topics.webhookConfigs().name() + " to count the hooks");
                HookTable table = new ConfigTableReader(clients, topics.webhookConfigs(), null).read();
                List<HookState.Rejected> rejected = table.rejected();
                out.printf("%nhooks: %d live, %d rejected, %d deleted%s%n", table.live().size(), rejected.size(),
                        table.deleted(), table.keyless() > 0 ? ", " + table.keyless() + " record(s) without key" : "");
                // a rejected hook does not fire: say why, as hooks list does (the reason never quotes a secret)
                rejected.forEach(r -> out.printf("rejected hook %s: %s%n", r.hookId(), r.reason()));
            }
            out.println();
            out.printf("%-44s  %-12s  %10s  %10s%n", "CONSUMER GROUP", "STATE", "PARTITIONS", "LAG");
            String prefix = config.require(Settings.APPLICATION_ID_PREFIX) + "-";
            step.set("listing the consumer groups");
            List<GroupLag> groups = lags.of(prefix, step::set);
            if (groups.isEmpty()) {
                out.println("(no group starting with " + prefix + ": no service has run against this cluster yet)");
            }
            for (GroupLag lag : groups) {
                out.printf("%-44s  %-12s  %10d  %10d%n", lag.groupId(), lag.state(), lag.partitions(), lag.lag());
            }
        } catch (ExecutionException e) {
            throw Unreachable.describe(clients.bootstrapServers(), (Exception) e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        return ExitCodes.OK;
    }
}
