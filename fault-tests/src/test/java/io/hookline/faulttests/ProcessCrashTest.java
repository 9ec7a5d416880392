package io.hookline.faulttests;

import io.hookline.kafkatest.StageProcess;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code kill -9} of each stage process in turn, while a peer of the same stage runs and posts keep arriving; every
 * expected delivery must still end as exactly one {@code create_post}, and the peer must take the dead process's
 * partitions over. Redelivered HTTP requests are allowed, and printed, and so is the stall of each kill
 * ({@link KillStalls}).
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProcessCrashTest {

    @Test
    void killingADispatcherThreeTimesLosesAndDoublesNothing(KafkaBroker broker) throws Exception {
        try (CallbackServer callbacks = new CallbackServer();
             Pipeline pipeline = new Pipeline(broker, "kill-dispatcher", FaultReport.runDir("kill-dispatcher"),
                     Map.of())) {
            pipeline.createTopics();
            OutgoingWebhook hook = pipeline.publishHook("Crash bot", List.of(callbacks.url(Behaviour.OK),
                    callbacks.url(Behaviour.FLAP_ONCE)));
            List<StageProcess> started = pipeline.startAll("matcher", "ingestor", "dispatcher", "dispatcher");
            StageProcess steady = started.get(2);
            StageProcess victim = started.get(3);
            pipeline.awaitGroups("dispatcher", 2, Pipeline.STARTUP);

            Ledger ledger = new Ledger();
            LoadDriver load = new LoadDriver(pipeline, List.of(hook), ledger);
            Ledger.Report report;
            List<String> figures;
            try (ReplyWatcher replies = new ReplyWatcher(pipeline, load.replyTimes());
                 KillStalls stalls = new KillStalls(pipeline, load.replyTimes())) {
                // 40 s of load: each kill, restart and regrouping takes about 10 s, and all three happen under load
                int total = 1_600;
                CompletableFuture<Void> sending = load.start(total, 40, 4);
                for (int kill = 1; kill <= 3; kill++) {
                    load.awaitSent(total * kill / 4, Duration.ofSeconds(120));
                    stalls.kill("dispatcher #" + kill, "dispatcher", victim);
                    victim.start(Pipeline.STARTUP);
                    pipeline.awaitGroups("dispatcher", 2, Pipeline.STARTUP);
                }
                sending.get(3, TimeUnit.MINUTES);
                report = FaultReport.settle(pipeline, ledger);
                figures = stalls.lines();
            }
            FaultReport.print("kill -9 dispatcher x3", report, callbacks, figures);
            assertThat(report.balanced()).as(report.summary()).isTrue();
            assertThat(report.count(Ledger.Fate.DELIVERED)).isEqualTo(load.matching() * 2);
            assertThat(steady.isAlive()).as("the other dispatcher kept running").isTrue();
        }
    }

    @Test
    void killingTheIngestorAndTheMatcherMidLoadLosesAndDoublesNothing(KafkaBroker broker) throws Exception {
        try (CallbackServer callbacks = new CallbackServer();
             Pipeline pipeline = new Pipeline(broker, "kill-streams", FaultReport.runDir("kill-streams"), Map.of(
                     // long enough that a kill lands between processing and commit
                     "commit.interval.ms", "2000"))) {
            pipeline.createTopics();
            OutgoingWebhook hook = pipeline.publishHook("Crash bot", List.of(callbacks.url(Behaviour.OK)));
            // each victim has a peer that must take over its tasks
            List<StageProcess> started = pipeline.startAll("matcher", "matcher", "ingestor", "ingestor", "dispatcher");
            StageProcess matcher = started.get(1);
            StageProcess ingestor = started.get(3);
            pipeline.awaitGroups("matcher", 2, Pipeline.STARTUP);
            pipeline.awaitGroups("ingestor", 2, Pipeline.STARTUP);

            Ledger ledger = new Ledger();
            LoadDriver load = new LoadDriver(pipeline, List.of(hook), ledger);
            Ledger.Report report;
            List<String> figures;
            try (ReplyWatcher replies = new ReplyWatcher(pipeline, load.replyTimes());
                 KillStalls stalls = new KillStalls(pipeline, load.replyTimes())) {
                int total = 900;
                CompletableFuture<Void> sending = load.start(total, 40, 3);
                load.awaitSent(total / 3, Duration.ofSeconds(120));
                stalls.kill("ingestor", "ingestor", ingestor);
                ingestor.start(Pipeline.STARTUP);
                pipeline.awaitGroups("ingestor", 2, Pipeline.STARTUP);
                load.awaitSent(total * 2 / 3, Duration.ofSeconds(120));
                stalls.kill("matcher", "matcher", matcher);
                matcher.start(Pipeline.STARTUP);
                sending.get(3, TimeUnit.MINUTES);
                report = FaultReport.settle(pipeline, ledger);
                figures = stalls.lines();
            }
            FaultReport.print("kill -9 ingestor, then matcher", report, callbacks, figures);
            assertThat(report.balanced()).as(report.summary()).isTrue();
            assertThat(report.count(Ledger.Fate.DELIVERED)).isEqualTo(load.matching());
        }
    }
}
