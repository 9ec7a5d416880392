package io.hookline.localkafka;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broker for the whole class, taken through its life in order: starting one costs seconds on a shared 2-core
 * machine. (The extension's test covers {@link LocalKafka#restart()} after a clean stop.)
 */
@TestMethodOrder(OrderAnnotation.class)
class LocalKafkaLifecycleTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @TempDir
  static Path dataDir;

  private static LocalKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = LocalKafka.start(dataDir);
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  @Order(1)
  void producedRecordsAreConsumedBack() {
    assertThat(kafka.isRunning()).isTrue();
    assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");

    TestRecords.produce(kafka.bootstrapServers(), "round-trip", List.of("a", "b", "c"));

    assertThat(TestRecords.consume(kafka.bootstrapServers(), "round-trip", 3, TIMEOUT)).containsExactly("a", "b", "c");
  }

  @Test
  @Order(1)
  void aSecondBrokerOnTheSameDataDirIsRefused() {
    assertThatThrownBy(() -> LocalKafka.start(dataDir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is in use by a running Kafka broker");
    assertThat(kafka.isRunning()).isTrue();
  }

  @Test
  @Order(2)
  void killedBrokerComesBackWithItsData() {
    TestRecords.produce(kafka.bootstrapServers(), "survives-kill", List.of("acked before the kill"));

    kafka.kill();
    assertThat(kafka.isRunning()).isFalse();
    kafka.restart();

    assertThat(kafka.isRunning()).isTrue();
    assertThat(TestRecords.consume(kafka.bootstrapServers(), "survives-kill", 1, TIMEOUT))
        .containsExactly("acked before the kill");
  }

  @Test
  @Order(3)
  void cleanStopThenANewInstanceOnTheSameDataDirKeepsAddressAndData() throws Exception {
    String before = kafka.bootstrapServers();
    kafka.close();
    assertThat(kafka.isRunning()).isFalse();
    int oldControllerPort = DataDirState.read(dataDir).orElseThrow().controllerPort();

    // Someone else took the controller port meanwhile: the node must move to another one and still come up.
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), oldControllerPort));
      kafka = LocalKafka.start(dataDir);
    }

    assertThat(kafka.bootstrapServers()).isEqualTo(before);
    assertThat(DataDirState.read(dataDir).orElseThrow().controllerPort()).isNotEqualTo(oldControllerPort);
    assertThat(TestRecords.consume(before, "round-trip", 3, TIMEOUT)).containsExactly("a", "b", "c");
  }

  @Test
  @Order(4)
  void brokerThatDiesDuringStartupIsReportedWithItsConsoleOutput() {
    kafka.close();
    String before = System.getProperty(ChildJvm.JVM_OPTIONS_PROPERTY);
    System.setProperty(ChildJvm.JVM_OPTIONS_PROPERTY, "-XX:+NoSuchJvmFlagForThisTest");
    try {
      assertThatThrownBy(() -> LocalKafka.start(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited with code")
          .hasMessageContaining("console.log")
          .hasMessageContaining("NoSuchJvmFlagForThisTest");
    } finally {
      if (before == null) {
        System.clearProperty(ChildJvm.JVM_OPTIONS_PROPERTY);
      } else {
        System.setProperty(ChildJvm.JVM_OPTIONS_PROPERTY, before);
      }
    }
  }
}
