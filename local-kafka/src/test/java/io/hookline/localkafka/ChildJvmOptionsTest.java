package io.hookline.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which child JVM gets which of the operator's options: the broker every one, a tool only the shared ones. */
class ChildJvmOptionsTest {

  private static final Path LOG4J = Path.of("log4j2.properties");
  private static final Path LOG = Path.of("server.log");

  // the build gives this JVM's brokers options of its own: put them back for the test classes after this one
  private final String sharedBefore = System.getProperty(ChildJvm.JVM_OPTIONS_PROPERTY);
  private final String brokerBefore = System.getProperty(ChildJvm.BROKER_JVM_OPTIONS_PROPERTY);

  @BeforeEach
  void clearOptions() {
    System.clearProperty(ChildJvm.JVM_OPTIONS_PROPERTY);
    System.clearProperty(ChildJvm.BROKER_JVM_OPTIONS_PROPERTY);
  }

  @AfterEach
  void restoreOptions() {
    restore(ChildJvm.JVM_OPTIONS_PROPERTY, sharedBefore);
    restore(ChildJvm.BROKER_JVM_OPTIONS_PROPERTY, brokerBefore);
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }

  @Test
  void brokerGetsTheSharedOptionsThenItsOwnAfterTheDefaults() {
    System.setProperty(ChildJvm.JVM_OPTIONS_PROPERTY, " -XX:TieredStopAtLevel=1  -Dshared=yes ");
    System.setProperty(ChildJvm.BROKER_JVM_OPTIONS_PROPERTY, "-XX:AOTCache=/caches/kafka-broker.aot");

    List<String> command = ChildJvm.broker(LOG4J, LOG, Path.of("server.properties"));

    assertThat(command).containsSubsequence("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dshared=yes",
        "-XX:AOTCache=/caches/kafka-broker.aot", "kafka.Kafka", "server.properties");
    assertThat(command).doesNotContain("", " ");
  }

  @Test
  void toolGetsOnlyTheSharedOptions() {
    System.setProperty(ChildJvm.JVM_OPTIONS_PROPERTY, "-XX:TieredStopAtLevel=1");
    System.setProperty(ChildJvm.BROKER_JVM_OPTIONS_PROPERTY, "-XX:AOTCacheOutput=/caches/kafka-broker.aot");

    List<String> command = ChildJvm.tool(LOG4J, LOG, "kafka.tools.StorageTool", "format", "-t", "id");

    assertThat(command).contains("-XX:TieredStopAtLevel=1").noneMatch(option -> option.startsWith("-XX:AOT"));
    assertThat(command).endsWith("kafka.tools.StorageTool", "format", "-t", "id");
  }

  @Test
  void withoutOptionsOnlyTheDefaults() {
    List<String> broker = ChildJvm.broker(LOG4J, LOG, Path.of("server.properties"));
    List<String> tool = ChildJvm.tool(LOG4J, LOG, "kafka.tools.StorageTool");

    assertThat(broker.subList(0, broker.indexOf("-cp")))
        .isEqualTo(tool.subList(0, tool.indexOf("-cp")));
  }
}
