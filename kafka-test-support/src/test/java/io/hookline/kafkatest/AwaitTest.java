package io.hookline.kafkatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void untilReturnsOnceTheConditionHolds() {
    AtomicInteger probes = new AtomicInteger();
    Await.until(() -> probes.incrementAndGet() >= 3, Duration.ofSeconds(5), () -> "three probes");
    assertThat(probes.get()).isEqualTo(3);
  }

  @Test
  void untilFailsNamingWhatWasAwaited() {
    AtomicInteger probes = new AtomicInteger();
    assertThatThrownBy(() -> Await.until(() -> false, Duration.ofMillis(120),
        () -> "the group to settle (probed " + probes.incrementAndGet() + " times)"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("timed out after 120 ms waiting for the group to settle (probed 1 times)");
  }

  @Test
  void valueReturnsTheFirstAcceptedValue() {
    AtomicInteger counter = new AtomicInteger();
    int got = Await.value(counter::incrementAndGet, n -> n % 4 == 0, Duration.ofSeconds(5), "a multiple of 4");
    assertThat(got).isEqualTo(4);
  }

  @Test
  void valueFailsWithTheLastValueSeen() {
    AtomicInteger counter = new AtomicInteger();
    assertThatThrownBy(() -> Await.value(counter::incrementAndGet, n -> n < 0, Duration.ofMillis(120),
        "a negative count"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("waiting for a negative count; last value seen: ")
        .satisfies(e -> assertThat(e.getMessage()).endsWith(": " + counter.get()));
  }
}
