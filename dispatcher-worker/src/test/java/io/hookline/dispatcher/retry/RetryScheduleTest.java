package io.hookline.dispatcher.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.dispatcher.DispatcherTuning;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule defaults = DispatcherTuning.from(HooklineConfig.of(Map.of())).retrySchedule();

    @Test
    void defaultIsFourQuickRetriesWithinAboutAMinute() {
        assertThat(defaults.delays()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(40));
        assertThat(defaults.maxAttempts()).isEqualTo(5);
        assertThat(defaults.allowsAnother(4)).isTrue();
        assertThat(defaults.allowsAnother(5)).isFalse();
        assertThatThrownBy(() -> defaults.delayAfter(5, null, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void jitterStaysWithinItsFraction(@ForAll @IntRange(min = 1, max = 4) int attempts,
                                      @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double r) {
        long base = defaults.delays().get(attempts - 1).toMillis();
        long d = defaults.delayAfter(attempts, null, () -> r).toMillis();
        assertThat(d).isBetween(Math.round(base * 0.8), Math.round(base * 1.2));
    }

    @Test
    void retryAfterLengthensUpToTheMaximumButNeverShortens() {
        RetrySchedule s = new RetrySchedule(List.of(Duration.ofSeconds(5)), 0, Duration.ofSeconds(60));
        assertThat(s.delayAfter(1, Duration.ofSeconds(20), () -> 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.delayAfter(1, Duration.ofSeconds(1), () -> 0.5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.delayAfter(1, Duration.ofHours(1), () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void scheduleIsConfigurableInMilliseconds() {
        RetrySchedule s = DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.dispatcher.retry-delays", "50ms, 100ms", "hookline.dispatcher.retry-jitter", "0"))).retrySchedule();
        assertThat(s.delays()).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(DispatcherTuning.from(HooklineConfig.of(Map.of("hookline.dispatcher.retry-delays", "")))
                .retrySchedule().maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.dispatcher.retry-delays", "1s,soon")))).hasMessageContaining("hookline.dispatcher.retry-delays");
        assertThatThrownBy(() -> DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.dispatcher.max-in-flight", "0")))).hasMessageContaining("hookline.dispatcher.max-in-flight");
    }
}
