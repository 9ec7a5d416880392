package io.hookline.kafkatest;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait for something asynchronous (a consumer group, records on a topic, a process state): poll a
 * probe until it gives what is wanted, or fail after a timeout with an {@link AssertionError} that says what was
 * awaited and, for {@link #value}, the last value seen. A fixed sleep waits too long on a fast machine and too short
 * on a loaded one; a hand-written loop tends to forget the message.
 */
public final class Await {

  /** Between probes: short next to every timeout used, long enough not to keep a shared CPU busy. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private Await() {
  }

  /**
   * Polls {@code condition} until it holds.
   *
   * @param awaited what the condition means, evaluated only for the failure message (so it may show current state)
   * @throws AssertionError when it does not hold within {@code timeout}
   */
  public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> awaited) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + awaited.get());
      }
      pause(awaited);
    }
  }

  /**
   * Polls {@code probe} until {@code done} accepts its value, and returns that value. A probe may accumulate (e.g.
   * add what a consumer poll returned to a list and return the list).
   *
   * @param awaited what {@code done} means, for the failure message
   * @throws AssertionError when no value is accepted within {@code timeout}; the message has the last value seen
   */
  public static <T> T value(Supplier<T> probe, Predicate<? super T> done, Duration timeout, String awaited) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + awaited
            + "; last value seen: " + last);
      }
      pause(() -> awaited);
      last = probe.get();
    }
    return last;
  }

  private static void pause(Supplier<String> awaited) {
    try {
      Thread.sleep(POLL_INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + awaited.get(), e);
    }
  }
}
