package io.hookline.dispatcher.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.http.AttemptResult;
import io.hookline.dispatcher.http.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostSignalTest {

    private static AttemptResult status(int s) {
        return new AttemptResult(0, 5, s, null, null, FailureKind.NONE, null, null);
    }

    @ParameterizedTest
    @CsvSource({"200, ANSWERED", "204, ANSWERED", "302, ANSWERED", "400, ANSWERED", "404, ANSWERED",
            "410, ANSWERED", "408, FAILED", "429, FAILED", "500, FAILED", "503, FAILED", "599, FAILED"})
    void statusesSayWhetherTheHostCoped(int code, HostSignal expected) {
        assertThat(HostSignal.of(status(code))).isEqualTo(expected);
    }

    @Test
    void failuresWithoutAnAnswer() {
        assertThat(HostSignal.of(AttemptResult.failed(0, 3000, FailureKind.CONNECT, "refused")))
                .isEqualTo(HostSignal.FAILED);
        assertThat(HostSignal.of(AttemptResult.failed(0, 3000, FailureKind.TIMEOUT, "timeout")))
                .isEqualTo(HostSignal.FAILED);
        assertThat(HostSignal.of(AttemptResult.failed(0, 3000, FailureKind.IO, "reset")))
                .isEqualTo(HostSignal.FAILED);
        assertThat(HostSignal.of(AttemptResult.failed(0, 0, FailureKind.FORBIDDEN_ADDRESS, "no")))
                .isEqualTo(HostSignal.NONE);
        assertThat(HostSignal.of(AttemptResult.failed(0, 0, FailureKind.INVALID_REQUEST, "bad url")))
                .isEqualTo(HostSignal.NONE);
        assertThat(HostSignal.of(AttemptResult.failed(0, 0, FailureKind.HOOK_TABLE_BEHIND, "later")))
                .isEqualTo(HostSignal.NONE);
        // an attempt that failed fast reached no host: it must not feed the limit or the failing score
        assertThat(HostSignal.of(AttemptResult.failed(0, 0, FailureKind.HOST_FAILING, "not sent")))
                .isEqualTo(HostSignal.NONE);
        assertThat(HostSignal.of(new AttemptResult(0, 5, 200, null, null, FailureKind.RESPONSE_TOO_LARGE, "big",
                null))).isEqualTo(HostSignal.ANSWERED);
        assertThat(HostSignal.of(null)).isEqualTo(HostSignal.NONE);
    }
}
