package io.hookline.faulttests;

import io.hookline.kafkatest.StageProcess;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every way a receiver can misbehave at once, against one dispatcher with a 128 MB heap: the pipeline keeps going,
 * the dispatcher stays up (it exits on OutOfMemoryError), and each delivery ends with its fate and reason.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MisbehavingEndpointsTest {

    /** The fate each behaviour must lead to, and a word its recorded reason must contain. */
    private static final Map<Behaviour, Expectation> EXPECTED = new EnumMap<>(Map.of(
            Behaviour.OK, new Expectation(Ledger.Fate.DELIVERED, null),
            Behaviour.FLAP_ONCE, new Expectation(Ledger.Fate.DELIVERED, null),
            Behaviour.ALWAYS_500, new Expectation(Ledger.Fate.FAILED, "500"),
            Behaviour.HANG, new Expectation(Ledger.Fate.FAILED, "time"),
            Behaviour.SLOW_BODY, new Expectation(Ledger.Fate.FAILED, "time"),
            Behaviour.HUGE_BODY, new Expectation(Ledger.Fate.FAILED, "large"),
            Behaviour.INVALID_JSON, new Expectation(Ledger.Fate.REJECTED, "json"),
            Behaviour.REDIRECT_INTERNAL, new Expectation(Ledger.Fate.FAILED, "302"),
            Behaviour.RESET, new Expectation(Ledger.Fate.FAILED, "reset")));

    private record Expectation(Ledger.Fate fate, String reasonContains) {
    }

    @Test
    void eachMisbehaviourEndsAsARecordedFailureAndTheRestIsDelivered(KafkaBroker broker) throws Exception {
        try (CallbackServer callbacks = new CallbackServer();
             Pipeline pipeline = new Pipeline(broker, "endpoints", FaultReport.runDir("endpoints"), Map.of(
                     "hookline.outgoing-integration-requests-timeout", "2"))) {
            pipeline.createTopics();
            Map<Behaviour, OutgoingWebhook> hooks = new EnumMap<>(Behaviour.class);
            for (Behaviour b : Behaviour.values()) {
                hooks.put(b, pipeline.publishHook("Endpoint " + b, List.of(callbacks.url(b))));
            }
            pipeline.startAll("matcher", "ingestor");
            StageProcess dispatcher = pipeline.start("dispatcher", "-Xmx128m", "-XX:+ExitOnOutOfMemoryError");

            Ledger ledger = new Ledger();
            LoadDriver load = new LoadDriver(pipeline, new ArrayList<>(hooks.values()), ledger);
            load.start(120, 30, 2).get(2, TimeUnit.MINUTES);

            Ledger.Report report = FaultReport.settle(pipeline, ledger);
            FaultReport.print("misbehaving endpoints, dispatcher -Xmx128m", report, callbacks);
            assertThat(report.balanced()).as(report.summary()).isTrue();
            assertThat(dispatcher.isAlive()).as("dispatcher alive with a 128 MB heap; log " + dispatcher.log())
                    .isTrue();

            int perBehaviour = load.matching();
            for (var e : EXPECTED.entrySet()) {
                Behaviour b = e.getKey();
                String url = callbacks.url(b);
                List<String> reasons = report.failureReasonsByUrl().getOrDefault(url, List.of());
                if (e.getValue().fate() == Ledger.Fate.DELIVERED) {
                    assertThat(reasons).as("%s has no failure", b).isEmpty();
                } else {
                    assertThat(reasons).as("%s: one reason per delivery", b).hasSize(perBehaviour);
                    assertThat(reasons).as("%s reasons", b).allMatch(r -> !r.isBlank()
                            && r.toLowerCase().contains(e.getValue().reasonContains()));
                }
            }
            Map<Ledger.Fate, Integer> fates = new EnumMap<>(Ledger.Fate.class);
            EXPECTED.values().forEach(x -> fates.merge(x.fate(), perBehaviour, Integer::sum));
            assertThat(report.count(Ledger.Fate.DELIVERED)).isEqualTo(fates.get(Ledger.Fate.DELIVERED));
            assertThat(report.count(Ledger.Fate.FAILED)).isEqualTo(fates.get(Ledger.Fate.FAILED));
            assertThat(report.count(Ledger.Fate.REJECTED)).isEqualTo(fates.get(Ledger.Fate.REJECTED));
            // a 3xx is final: the redirect was never followed, so one request per delivery
            assertThat(callbacks.totalRequests(Behaviour.REDIRECT_INTERNAL)).isEqualTo(perBehaviour);
        }
    }
}
