package io.hookline.dispatcher.retry;

import io.hookline.dispatcher.http.RetryAfter;
import io.hookline.dispatcher.http.FailureKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void statusRules() {
        for (int s = 100; s < 700; s++) {
            Verdict expected = s >= 200 && s < 300 ? Verdict.SUCCEEDED
                    : s == 408 || s == 429 || (s >= 500 && s < 600) ? Verdict.RETRYABLE : Verdict.FINAL;
            assertThat(Verdict.of(FailureKind.NONE, s)).as("HTTP %d", s).isEqualTo(expected);
        }
        assertThat(Verdict.of(FailureKind.NONE, 410)).isEqualTo(Verdict.FINAL);
        assertThat(Verdict.of(FailureKind.NONE, 302)).isEqualTo(Verdict.FINAL);
    }

    @Test
    void failureRules() {
        assertThat(Verdict.of(FailureKind.CONNECT, null)).isEqualTo(Verdict.RETRYABLE);
        assertThat(Verdict.of(FailureKind.TIMEOUT, null)).isEqualTo(Verdict.RETRYABLE);
        assertThat(Verdict.of(FailureKind.IO, null)).isEqualTo(Verdict.RETRYABLE);
        assertThat(Verdict.of(FailureKind.HOST_FAILING, null)).isEqualTo(Verdict.RETRYABLE);
        assertThat(Verdict.of(FailureKind.FORBIDDEN_ADDRESS, null)).isEqualTo(Verdict.FINAL);
        assertThat(Verdict.of(FailureKind.RESPONSE_TOO_LARGE, 200)).isEqualTo(Verdict.FINAL);
        assertThat(Verdict.of(FailureKind.INVALID_REQUEST, null)).isEqualTo(Verdict.FINAL);
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        assertThat(RetryAfter.parse("7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 12:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 26 Nov 2026 11:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("-3", now)).isNull();
        assertThat(RetryAfter.parse("soon", now)).isNull();
        assertThat(RetryAfter.parse(null, now)).isNull();
    }
}
