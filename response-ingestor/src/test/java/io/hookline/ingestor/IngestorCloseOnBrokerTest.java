package io.hookline.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.service.ServiceHealth;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the ingestor while its first rebalance is still going on (the exactly-once producer being initialised, the
 * dedup store restored): close returns, the service reports itself down, it leaves no member in the group, and a new
 * ingestor of the same application id becomes ready, with its meters in the registry it was given.
 */
@ExtendWith(KafkaBrokerExtension.class)
class IngestorCloseOnBrokerTest {

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void closeDuringTheFirstRebalanceStopsAndLeavesTheGroup(KafkaBroker broker, @TempDir Path dir) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("hookline.application-id-prefix", broker.uniqueName("close"));
        settings.put("state.dir", dir.resolve("state").toString());
        for (String topic : List.of("webhook-responses", "post-commands", "dead-letters")) {
            settings.put("hookline.topic." + topic, broker.uniqueName(topic));
            broker.createTopic(settings.get("hookline.topic." + topic), 1, Map.of());
        }
        HooklineConfig config = HooklineConfig.of(settings);
        String applicationId = settings.get("hookline.application-id-prefix") + "-ingestor";

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            IngestorService first = new IngestorService(config, new SimpleMeterRegistry());
            first.start();
            // close once the stream thread has joined the group: the rebalance (and the EOS producer's setup) is on
            Await.until(() -> members(admin, applicationId) != null, Duration.ofSeconds(60),
                    () -> "the ingestor's group " + applicationId + " on the broker");
            assertThat(first.health().live()).as("just started: %s", first.health()).isTrue();
            first.close();
            assertThat(first.health()).extracting(ServiceHealth::live, ServiceHealth::ready, ServiceHealth::state)
                    .containsExactly(false, false, "CLOSED");
            assertThat(members(admin, applicationId)).as("members left behind by the closed ingestor").isEqualTo(0);
        }

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (IngestorService second = new IngestorService(config, registry)) {
            second.start();
            Await.until(() -> second.health().ready(), Duration.ofSeconds(60),
                    () -> "the restarted ingestor to be ready: " + second.health());
            assertThat(second.health().clients()).containsEntry("ingestor", "RUNNING");
            assertThat(registry.find("hookline.ingestor.post.commands").functionCounter()).isNotNull();
            assertThat(registry.find("hookline.dead.letters").tag("service", "ingestor").functionCounter())
                    .isNotNull();
            assertThat(registry.getMeters()).anySatisfy(m -> assertThat(m.getId().getName()).startsWith("kafka.stream"));
        }
    }

    /** Members of the group, or null while the broker does not know the group yet. */
    private static Integer members(Admin admin, String groupId) {
        try {
            var group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
            return group.groupState() == GroupState.DEAD ? null : group.members().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw new IllegalStateException("cannot describe group " + groupId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing group " + groupId, e);
        }
    }
}
