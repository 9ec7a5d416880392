package io.hookline.faulttests;

import io.hookline.kafkatest.StageProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/** The broker stops and comes back (same port, same data) while posts keep arriving and every stage runs. */
@ExtendWith(KafkaBrokerExtension.class)
class BrokerRestartTest {

    @Test
    void aBrokerRestartDuringTheLoadLosesAndDoublesNothing(KafkaBroker broker) throws Exception {
        assumeTrue(broker.canRestart(), "needs the local broker (restartable)");
        try (CallbackServer callbacks = new CallbackServer();
             Pipeline pipeline = new Pipeline(broker, "broker-restart", FaultReport.runDir("broker-restart"),
                     Map.of())) {
            pipeline.createTopics();
            OutgoingWebhook hook = pipeline.publishHook("Restart bot", List.of(callbacks.url(Behaviour.OK)));
            List<StageProcess> stages = pipeline.startAll("matcher", "dispatcher", "ingestor");

            Ledger ledger = new Ledger();
            LoadDriver load = new LoadDriver(pipeline, List.of(hook), ledger);
            int total = 900;
            CompletableFuture<Void> sending = load.start(total, 40, 3);
            load.awaitSent(total / 3, Duration.ofSeconds(120));
            broker.restart();
            sending.get(4, TimeUnit.MINUTES);

            Ledger.Report report = FaultReport.settle(pipeline, ledger);
            FaultReport.print("broker stop + restart", report, callbacks);
            assertThat(report.balanced()).as(report.summary()).isTrue();
            assertThat(report.count(Ledger.Fate.DELIVERED)).isEqualTo(load.matching());
            assertThat(stages).as("every stage survived the outage")
                    .allMatch(StageProcess::isAlive);
        }
    }
}
