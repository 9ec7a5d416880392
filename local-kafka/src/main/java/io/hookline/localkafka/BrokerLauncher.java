package io.hookline.localkafka;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of the child JVM that runs a Kafka tool or the broker itself.
 *
 * <p>Usage: {@code BrokerLauncher <main-class> <args...>} (for example {@code kafka.Kafka server.properties}).
 *
 * <p>Why it exists: a child JVM does not die with its parent. The parent keeps the child's stdin pipe open and never
 * writes to it, so stdin reaches end-of-file exactly when the parent is gone (even after {@code kill -9}); the child
 * then exits, and the broker never outlives the process that started it. It also chooses where the broker's slf4j
 * logging goes before Kafka touches slf4j.
 */
public final class BrokerLauncher {

  /** Data-dir relative file the broker logs to. */
  static final String LOG_FILE_PROPERTY = "hookline.local-kafka.log-file";

  private static final long ORPHAN_EXIT_GRACE_MILLIS = 15_000;
  private static final String LOG4J_SLF4J_PROVIDER = "org.apache.logging.slf4j.SLF4JServiceProvider";
  private static final String SIMPLE_SLF4J_PROVIDER = "org.slf4j.simple.SimpleServiceProvider";

  private BrokerLauncher() {
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 1) {
      System.err.println("usage: BrokerLauncher <main-class> [args...]");
      System.exit(2);
    }
    watchParent(System.in);
    routeLogging();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void watchParent(InputStream parentPipe) {
    Thread watcher = new Thread(() -> {
      try {
        byte[] sink = new byte[256];
        while (parentPipe.read(sink) >= 0) {
          // the parent never writes; anything read is ignored
        }
      } catch (IOException e) {
        // a broken pipe means the parent is gone, same as end-of-file
      }
      exitBecauseParentIsGone();
    }, "local-kafka-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void exitBecauseParentIsGone() {
    System.err.println("local-kafka: parent process is gone, shutting the broker down");
    // A clean shutdown keeps the logs tidy for the next start; the halt guarantees we never linger if it hangs.
    Thread reaper = new Thread(() -> {
      try {
        Thread.sleep(ORPHAN_EXIT_GRACE_MILLIS);
      } catch (InterruptedException ignored) {
        // halt anyway
      }
      Runtime.getRuntime().halt(1);
    }, "local-kafka-orphan-reaper");
    reaper.setDaemon(true);
    reaper.start();
    System.exit(0);
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
