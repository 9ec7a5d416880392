package io.hookline.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher's promise, checked with a sleeping main class instead of a broker (same mechanism, a fraction of the
 * cost): when the JVM that started it dies, even by SIGKILL, the child exits. Both ways of starting such a child: the
 * broker's command line ({@link ChildJvm}, in its own session where setsid exists) and {@link OrphanSafeMain} alone,
 * as other modules start their child JVMs.
 */
class OrphanSafetyTest {

  @ParameterizedTest
  @ValueSource(strings = {"broker-command", "orphan-safe-main"})
  void childExitsWhenItsParentIsKilled(String launch) throws Exception {
    Process parent = new ProcessBuilder(ChildJvm.javaBinary(), "-cp", System.getProperty("java.class.path"),
        LauncherParentMain.class.getName(), launch)
        .redirectErrorStream(true)
        .start();
    long childPid;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("the parent prints its child's pid").startsWith("child ");
      childPid = Long.parseLong(line.substring("child ".length()).trim());
      assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).contains(true);
    } finally {
      parent.destroyForcibly();
    }
    assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

    Optional<ProcessHandle> child = ProcessHandle.of(childPid);
    if (child.isPresent()) {
      boolean exited = child.get().onExit().thenApply(h -> true).completeOnTimeout(false, 20, TimeUnit.SECONDS).get();
      if (!exited) {
        child.get().destroyForcibly();
      }
      assertThat(exited).as("orphaned child %s exits", childPid).isTrue();
    }
  }

  @Test
  void aChildItsParentStopsIsLeftToItsOwnShutdown(@TempDir Path dir) throws Exception {
    // destroy() sends SIGTERM and then closes the child's stdin: that end of the pipe is no orphaning, and the
    // guard must not exit on its own (its 15 s limit would cut a slow clean shutdown the parent is waiting for)
    Path log = dir.resolve("child.log");
    Process child = new ProcessBuilder(ChildJvm.javaBinary(), "-cp", System.getProperty("java.class.path"),
        OrphanSafeMain.class.getName(), SlowStoppingMain.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    // the guard is watching once the JVM runs main; give it the time to get there
    Thread.sleep(2_000);
    child.destroy();
    assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as("ended by the SIGTERM (128 + 15)").isEqualTo(143);
    assertThat(Files.readString(log)).contains("stopped cleanly").doesNotContain("is gone");
  }

  /** Plays the part of a test JVM or CLI that started a broker or a stage. */
  public static final class LauncherParentMain {
    public static void main(String[] args) throws Exception {
      List<String> command;
      if (args[0].equals("broker-command")) {
        Path dir = Files.createTempDirectory("orphan-safety-");
        command = ChildJvm.tool(dir.resolve("log4j2.properties"), dir.resolve("child.log"),
            SleepingMain.class.getName());
      } else {
        command = new ArrayList<>(List.of(ChildJvm.javaBinary(), "-cp", System.getProperty("java.class.path"),
            OrphanSafeMain.class.getName(), SleepingMain.class.getName()));
      }
      Process child = new ProcessBuilder(command)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      System.out.println("child " + child.pid());
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
