package io.hookline.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM started from {@link ChildJvm#tool} runs in a session of its own (so a terminal's Ctrl-C does not reach
 * it), and the pid we hold is still the JVM's: setsid executed it in place instead of forking. Linux only (/proc).
 */
class ChildJvmSessionTest {

  @Test
  void childRunsInItsOwnSessionUnderTheSamePid(@TempDir Path dir) throws Exception {
    assumeTrue(ChildJvm.setsid().isPresent(), "no setsid on the PATH");
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc");

    List<String> command = ChildJvm.tool(dir.resolve("log4j2.properties"), dir.resolve("child.log"),
        SleepingMain.class.getName());
    assertThat(command.get(0)).endsWith("/setsid");
    Process child = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("console.log").toFile())
        .start();
    try {
      ProcStat stat = awaitExecOfJava(child.pid());
      ProcStat parent = ProcStat.of(ProcessHandle.current().pid());

      assertThat(stat.session()).as("session id of the child").isEqualTo(child.pid()).isNotEqualTo(parent.session());
      assertThat(stat.processGroup()).as("process group of the child").isEqualTo(child.pid())
          .isNotEqualTo(parent.processGroup());
      assertThat(stat.parentPid()).as("the child's parent is this JVM, no setsid in between")
          .isEqualTo(ProcessHandle.current().pid());
      assertThat(child.isAlive()).isTrue();
    } finally {
      child.destroyForcibly();
      child.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Between fork and exec the pid runs setsid (or the JVM's spawn helper); wait until it is the java binary. */
  private static ProcStat awaitExecOfJava(long pid) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    ProcStat stat = ProcStat.of(pid);
    while (!stat.command().equals("java") && System.nanoTime() < deadline) {
      Thread.sleep(20);
      stat = ProcStat.of(pid);
    }
    assertThat(stat.command()).as("the program of pid %s", pid).isEqualTo("java");
    return stat;
  }

  /** Fields of /proc/PID/stat: 2 (comm, in parentheses, may hold spaces), 4 ppid, 5 pgrp, 6 session. */
  private record ProcStat(String command, long parentPid, long processGroup, long session) {

    static ProcStat of(long pid) throws IOException {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // rest[0] is field 3 (state)
      return new ProcStat(command, Long.parseLong(rest[1]), Long.parseLong(rest[2]), Long.parseLong(rest[3]));
    }
  }
}
