package io.hookline.localkafka;

/**
 * Entry point of the child JVM that runs a Kafka tool or the broker itself.
 *
 * <p>Usage: {@code BrokerLauncher <main-class> <args...>} (for example {@code kafka.Kafka server.properties}).
 *
 * <p>Why it exists: the broker must never outlive the process that started it ({@link OrphanSafeMain}'s stdin watch),
 * and its slf4j logging must go to the data dir's log file, chosen before Kafka touches slf4j.
 */
public final class BrokerLauncher {

  /** Data-dir relative file the broker logs to. */
  static final String LOG_FILE_PROPERTY = "hookline.local-kafka.log-file";

  private static final String LOG4J_SLF4J_PROVIDER = "org.apache.logging.slf4j.SLF4JServiceProvider";
  private static final String SIMPLE_SLF4J_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

  private BrokerLauncher() {
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 1) {
      System.err.println("usage: BrokerLauncher <main-class> [args...]");
      System.exit(2);
    }
    OrphanSafeMain.exitWhenParentIsGone(System.in, "local-kafka (" + args[0] + ")");
    routeLogging();
    OrphanSafeMain.runMain(args);
  }

  /**
   * The child inherits the parent's classpath, which may hold slf4j-simple (tests, CLI), log4j's slf4j provider, both or
   * neither. Pick one explicitly and make it write to the data dir's log file, never to the parent's console.
   */
  private static void routeLogging() {
    String logFile = System.getProperty(LOG_FILE_PROPERTY);
    if (logFile == null || System.getProperty("slf4j.provider") != null) {
      return;
    }
    if (isPresent(LOG4J_SLF4J_PROVIDER)) {
      System.setProperty("slf4j.provider", LOG4J_SLF4J_PROVIDER);
    } else if (isPresent(SIMPLE_SLF4J_PROVIDER)) {
      System.setProperty("slf4j.provider", SIMPLE_SLF4J_PROVIDER);
      System.setProperty("org.slf4j.simpleLogger.logFile", logFile);
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
      System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
      System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
      System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.common.config", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.common.utils.AppInfoParser", "warn");
    }
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, BrokerLauncher.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
