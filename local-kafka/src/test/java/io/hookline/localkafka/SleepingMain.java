package io.hookline.localkafka;

/** Stands in for kafka.Kafka or a Hookline stage in a child JVM: runs until something stops it. */
public final class SleepingMain {

  private SleepingMain() {
  }

  public static void main(String[] args) throws Exception {
    Thread.sleep(120_000);
  }
}
