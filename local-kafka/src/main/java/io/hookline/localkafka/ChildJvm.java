package io.hookline.localkafka;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Command lines for child JVMs that run Kafka's own main classes through {@link BrokerLauncher}, with this JVM's java
 * binary and classpath (which also works from a shaded jar: the launcher and Kafka are inside it).
 *
 * <p>Where {@code setsid} exists the child runs in a session of its own. In a terminal, Ctrl-C (SIGINT), Ctrl-\ and a
 * hang-up go to every process of the foreground process group; a child in that group would stop at the same moment as
 * the parent (e.g. {@code java -jar hookline.jar up}), while the parent's services still need it to shut down cleanly.
 * In its own session only the parent gets them and stops the broker last. Orphan safety does not depend on the
 * session: it is the stdin pipe ({@link OrphanSafeMain}).
 */
final class ChildJvm {

  static final String HEAP_PROPERTY = "hookline.local-kafka.heap";
  /**
   * Extra JVM options for every child (the broker and the storage formatter), whitespace-separated, after the defaults
   * (so they win).
   */
  static final String JVM_OPTIONS_PROPERTY = "hookline.local-kafka.jvm-options";
  /**
   * Extra JVM options for the broker's JVM only, after those of {@link #JVM_OPTIONS_PROPERTY}: what must not reach the
   * short-lived formatter, such as an ahead-of-time cache to record or use (the formatter would record its own).
   */
  static final String BROKER_JVM_OPTIONS_PROPERTY = "hookline.local-kafka.broker-jvm-options";

  private ChildJvm() {
  }

  /** The broker's JVM: {@code kafka.Kafka} with its server properties. */
  static List<String> broker(Path log4jConfig, Path logFile, Path serverProperties) {
    return command(log4jConfig, logFile, true, "kafka.Kafka", serverProperties.toString());
  }

  /** A JVM that runs one of Kafka's tools (say, {@code kafka.tools.StorageTool}) and exits. */
  static List<String> tool(Path log4jConfig, Path logFile, String mainClass, String... args) {
    return command(log4jConfig, logFile, false, mainClass, args);
  }

  private static List<String> command(Path log4jConfig, Path logFile, boolean broker, String mainClass,
      String... args) {
    List<String> command = new ArrayList<>();
    // setsid execs the java binary in place (it only forks when its caller leads a process group, and a process that
    // ProcessBuilder starts never does), so the Process's pid, destroy() and exit value are still the child JVM's.
    setsid().ifPresent(setsid -> command.add(setsid.toString()));
    command.add(javaBinary());
    String heap = System.getProperty(HEAP_PROPERTY, "512m");
    command.add("-Xmx" + heap);
    command.add("-Xms64m");
    // Serial GC: the broker's heap is small and the two cores are shared with the parent and other processes.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Djava.awt.headless=true");
    command.addAll(options(JVM_OPTIONS_PROPERTY));
    if (broker) {
      command.addAll(options(BROKER_JVM_OPTIONS_PROPERTY));
    }
    command.add("-Dlog4j2.configurationFile=" + log4jConfig.toAbsolutePath());
    command.add("-D" + BrokerLauncher.LOG_FILE_PROPERTY + "=" + logFile.toAbsolutePath());
    command.add("-Dkafka.logs.dir=" + logFile.toAbsolutePath().getParent());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(BrokerLauncher.class.getName());
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  private static List<String> options(String property) {
    String value = System.getProperty(property, "").trim();
    return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
  }

  /** The {@code setsid} program (util-linux, busybox) on the PATH; empty elsewhere, e.g. on Windows or macOS. */
  static Optional<Path> setsid() {
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue; // the current directory: never run a program from there
      }
      try {
        Path candidate = Path.of(dir, "setsid");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate.toAbsolutePath());
        }
      } catch (InvalidPathException e) {
        // a malformed PATH entry holds no setsid
      }
    }
    return Optional.empty();
  }

  static String javaBinary() {
    Path fromJavaHome = Path.of(System.getProperty("java.home"), "bin",
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows") ? "java.exe" : "java");
    if (Files.isExecutable(fromJavaHome)) {
      return fromJavaHome.toString();
    }
    return ProcessHandle.current().info().command()
        .orElseThrow(() -> new IllegalStateException("cannot find the java binary of this JVM (java.home="
            + System.getProperty("java.home") + ")"));
  }
}
