package io.hookline.localkafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures that must explain themselves; none of these gets as far as a running broker. */
class LocalKafkaStartupErrorsTest {

  @TempDir
  Path dataDir;

  @Test
  void busyPortIsNamed() throws Exception {
    try (ServerSocket busy = new ServerSocket()) {
      busy.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));

      assertThatThrownBy(() -> LocalKafka.start(dataDir, busy.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + busy.getLocalPort())
          .hasMessageContaining("already in use");
    }
  }

  @Test
  void failedFormatShowsTheToolOutput() throws Exception {
    Files.writeString(dataDir.resolve("kafka-data"), "a file where the log dir should be");

    assertThatThrownBy(() -> LocalKafka.start(dataDir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("formatting Kafka storage")
        .hasMessageContaining("format.log")
        .hasMessageContaining("kafka-data");
  }

  @Test
  void invalidPortIsRejected() {
    assertThatThrownBy(() -> LocalKafka.start(dataDir, 70_000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }
}
