package io.hookline.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirStateTest {

  @TempDir
  Path dir;

  @Test
  void roundTripsThroughTheDataDir() {
    DataDirState state = new DataDirState("AAAAAAAAAAAAAAAAAAAAAA", 30_001, 30_002);

    state.write(dir);

    assertThat(DataDirState.read(dir)).contains(state);
  }

  @Test
  void emptyDirHasNoState() {
    assertThat(DataDirState.read(dir)).isEmpty();
  }

  @Test
  void corruptFileIsNamedInTheError() throws Exception {
    Files.writeString(dir.resolve(DataDirState.FILE_NAME), "cluster.id=abc\nbroker.port=x\ncontroller.port=1\n");

    assertThatThrownBy(() -> DataDirState.read(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(DataDirState.FILE_NAME);
  }

  @Test
  void missingKeyIsNamedInTheError() throws Exception {
    Files.writeString(dir.resolve(DataDirState.FILE_NAME), "cluster.id=abc\nbroker.port=1\n");

    assertThatThrownBy(() -> DataDirState.read(dir)).hasMessageContaining("missing controller.port");
  }
}
