package io.hookline.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up decisions and failures that must explain themselves; none of these gets as far as a running broker. */
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
  void formattedStorageWithoutStateFileKeepsItsClusterId() throws Exception {
    Files.createDirectories(dataDir.resolve("kafka-data"));
    Files.writeString(dataDir.resolve("kafka-data").resolve("meta.properties"),
        "version=1\nnode.id=1\ncluster.id=Xy3kLq9pRme0T1vB2cD4Eg\n");

    DataDirState state = LocalKafka.chooseState(dataDir, 0);

    assertThat(state.clusterId()).isEqualTo("Xy3kLq9pRme0T1vB2cD4Eg");
    assertThat(state.brokerPort()).isNotEqualTo(state.controllerPort());
  }

  @Test
  void invalidPortIsRejected() {
    assertThatThrownBy(() -> LocalKafka.start(dataDir, 70_000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("70000");
  }
}
