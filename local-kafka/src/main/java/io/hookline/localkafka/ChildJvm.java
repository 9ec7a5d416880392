package io.hookline.localkafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for child JVMs that run Kafka's own main classes through {@link BrokerLauncher}, with this JVM's java
 * binary and classpath (which also works from a shaded jar: the launcher and Kafka are inside it).
 */
final class ChildJvm {

  static final String HEAP_PROPERTY = "hookline.local-kafka.heap";
  /** Extra JVM options for the child, whitespace-separated, appended after the defaults (so they win). */
  static final String JVM_OPTIONS_PROPERTY = "hookline.local-kafka.jvm-options";

  private ChildJvm() {
  }

  static List<String> command(Path log4jConfig, Path logFile, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    String heap = System.getProperty(HEAP_PROPERTY, "512m");
    command.add("-Xmx" + heap);
    command.add("-Xms64m");
    // Serial GC: the broker's heap is small and the two cores are shared with the parent and other processes.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Djava.awt.headless=true");
    String extra = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
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

  static String javaBinary() {
    Path fromJavaHome = Path.of(System.getProperty("java.home"), "bin",
        System.getProperty("os.name", "").toLowerCase().startsWith("windows") ? "java.exe" : "java");
    if (Files.isExecutable(fromJavaHome)) {
      return fromJavaHome.toString();
    }
    return ProcessHandle.current().info().command()
        .orElseThrow(() -> new IllegalStateException("cannot find the java binary of this JVM (java.home="
            + System.getProperty("java.home") + ")"));
  }
}
