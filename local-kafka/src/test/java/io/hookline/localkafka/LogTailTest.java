package io.hookline.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @TempDir
  Path dir;

  @Test
  void keepsTheLastLinesIndented() throws Exception {
    Path log = dir.resolve("server.log");
    Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));

    String tail = LogTail.of(log, 3);

    assertThat(tail).isEqualTo("  | line 98\n  | line 99\n  | line 100\n");
  }

  @Test
  void missingAndEmptyFilesSaySo() throws Exception {
    assertThat(LogTail.of(dir.resolve("server.log"), 5)).contains("no server.log yet");
    Files.writeString(dir.resolve("empty.log"), "");
    assertThat(LogTail.of(dir.resolve("empty.log"), 5)).contains("empty.log is empty");
  }
}
