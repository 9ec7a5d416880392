package io.hookline.dispatcher.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdmissionTest {

    @ParameterizedTest(name = "waiting {0} of {1}, failing {2}, slow {3}, last {4}: {5}")
    @CsvSource({
            // room in the queue: a real request decides, whatever the host's health
            "0, 4, false, false, false, QUEUE",
            "3, 4, true, true, false, QUEUE",
            "3, 4, true, true, true, QUEUE",
            // a full queue that keeps moving is waited for, even when the host fails (fast 500s)
            "4, 4, false, false, false, WAIT",
            "9, 4, true, false, false, WAIT",
            "9, 4, true, false, true, WAIT",
            // a full queue that would not start in time: slow but answering spares the attempt, failing spends it
            "4, 4, false, true, false, SET_ASIDE",
            "4, 4, true, true, false, FAIL_FAST",
            // ... but never the last one: a delivery's final failure is always its endpoint's answer to a request
            "4, 4, true, true, true, SET_ASIDE",
            "4, 4, false, true, true, SET_ASIDE"})
    void aDeliveryIsQueuedWaitedForSetAsideOrFailedFast(int waiting, int maxQueued, boolean failing, boolean slow,
                                                        boolean last, Admission expected) {
        assertThat(Admission.decide(waiting, maxQueued, failing, slow, last)).isEqualTo(expected);
    }
}
