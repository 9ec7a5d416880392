package io.hookline.faulttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.localkafka.LocalKafkaCluster;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.topic.Topic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The whole pipeline on three brokers (topics with three copies, {@code min.insync.replicas=2}) under a steady load
 * with a known share of matches and two dispatchers: {@code kill -9} of the broker that leads the most partitions,
 * later of the active controller, each restarted after a while. Every expected reply must arrive exactly once; the
 * longest pause in deliveries after each kill is printed. Minutes long: runs with {@code -Pcluster-faults}.
 */
@EnabledIfSystemProperty(named = "hookline.cluster-faults", matches = "true")
class ClusterFaultTest {

    private static final Duration DOWN_FOR = Duration.ofSeconds(15);

    @Test
    void killingTheBusiestLeaderAndThenTheControllerLosesAndDoublesNothing() throws Exception {
        Path runDir = FaultReport.runDir("cluster-faults");
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(Files.createDirectories(runDir).resolve("kafka"), 3);
             Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
             CallbackServer callbacks = new CallbackServer();
             Pipeline pipeline = new Pipeline(new ClusterBroker(cluster), "cluster", runDir, Map.of())) {
            pipeline.createTopics();
            OutgoingWebhook hook = pipeline.publishHook("Cluster bot", List.of(callbacks.url(Behaviour.OK)));
            pipeline.startAll("matcher", "dispatcher", "dispatcher", "ingestor");

            Ledger ledger = new Ledger();
            LoadDriver load = new LoadDriver(pipeline, List.of(hook), ledger);
            DeliveryPauses pauses = new DeliveryPauses(() -> callbacks.totalRequests(Behaviour.OK));
            // 200 s of load at 40 posts/s, a quarter matching: both outages (and slow restarts) happen under load
            int total = 8_000;
            CompletableFuture<Void> sending = load.start(total, 40, 4);
            List<String> stalls = new ArrayList<>();

            load.awaitSent(total / 5, Duration.ofSeconds(180));
            int busiest = busiestLeader(admin, pipeline);
            stalls.add(killAndRestart(cluster, busiest, "leader of the most partitions (node " + busiest + ")",
                    pauses));

            load.awaitSent(total * 11 / 20, Duration.ofSeconds(240));
            int controller = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
            stalls.add(killAndRestart(cluster, controller, "active controller (node " + controller + ")", pauses));

            sending.get(5, TimeUnit.MINUTES);
            Ledger.Report report = FaultReport.settle(pipeline, ledger);
            pauses.close();
            FaultReport.print("three brokers: kill -9 busiest leader, then controller", report, callbacks);
            stalls.forEach(s -> System.out.println("[fault]   " + s));
            assertThat(report.balanced()).as(report.summary()).isTrue();
            assertThat(report.count(Ledger.Fate.DELIVERED)).isEqualTo(load.matching());
            assertThat(report.count(Ledger.Fate.DOUBLED)).isZero();
        }
    }

    /**
     * Kills the node, restarts it after {@link #DOWN_FOR}, and reports the stall: from the last delivery before the
     * kill to the first one after it (the load keeps arriving meanwhile), and the longest pause around the restart.
     */
    private static String killAndRestart(LocalKafkaCluster cluster, int node, String what, DeliveryPauses pauses) {
        long killedAt = System.nanoTime();
        cluster.kill(node);
        sleep(DOWN_FOR);
        long restartingAt = System.nanoTime();
        cluster.restart(node);
        long restartedAt = System.nanoTime();
        sleep(Duration.ofSeconds(10));
        long lastBefore = pauses.lastGrowthAtOrBefore(killedAt);
        long stallEnd = pauses.firstGrowthAfter(killedAt, System.nanoTime());
        return "kill -9 " + what + ": stall " + millis(stallEnd - lastBefore) + " ms (last delivery before the "
                + "kill to the first after it); longest pause while down " + millis(pauses.longestBetween(killedAt,
                restartingAt).toNanos()) + " ms; restart took " + millis(restartedAt - restartingAt)
                + " ms; longest pause from the restart to 10 s after it "
                + millis(pauses.longestBetween(restartingAt, System.nanoTime()).toNanos()) + " ms";
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** The node that leads the most partitions of the pipeline's topics. */
    private static int busiestLeader(Admin admin, Pipeline pipeline) throws Exception {
        List<String> names = pipeline.topics().all().stream().map(Topic::name).toList();
        Map<Integer, Integer> led = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                if (p.leader() != null) {
                    led.merge(p.leader().id(), 1, Integer::sum);
                }
            }
        }
        return led.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
