package io.hookline.localkafka;

/** Like {@link SleepingMain}, with a clean shutdown that takes a while, as a broker's or a stage's does. */
public final class SlowStoppingMain {

  private SlowStoppingMain() {
  }

  public static void main(String[] args) throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        Thread.sleep(1_500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      System.out.println("stopped cleanly");
      System.out.flush();
    }));
    Thread.sleep(120_000);
  }
}
