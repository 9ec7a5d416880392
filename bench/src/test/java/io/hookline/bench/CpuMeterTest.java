package io.hookline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMeterTest {

    /** A {@code /proc/PID/task/TID/stat} line with utime {@code user} and stime {@code system} (fields 14 and 15). */
    private static String stat(int tid, String name, long user, long system) {
        return tid + " (" + name + ") S 1 1 1 0 -1 4194368 100 0 0 0 " + user + " " + system
                + " 0 0 20 0 30 0 1000 4096 100 18446744073709551615\n";
    }

    @Test
    void userAndSystemTimeAreReadAfterTheNameEvenWhenItHoldsSpacesAndParentheses() {
        assertThat(CpuMeter.userAndSystemTicks(stat(7, "C2 CompilerThre", 120, 5))).isEqualTo(125);
        assertThat(CpuMeter.userAndSystemTicks(stat(8, "odd) name (x", 3, 4))).isEqualTo(7);
    }

    @Test
    void onlyTheCompilerThreadsCountAsJit(@TempDir Path tasks) throws IOException {
        thread(tasks, 1, "java", 500, 50);
        thread(tasks, 2, "C2 CompilerThre", 300, 10);
        thread(tasks, 3, "C1 CompilerThre", 40, 2);
        thread(tasks, 4, "GC Thread#0", 70, 0);

        // ticks of 10 ms
        assertThat(CpuMeter.jitNanosByThread(tasks)).containsOnly(entry("2", 3_100_000_000L),
                entry("3", 420_000_000L));
    }

    @Test
    void aProcessThatIsGoneOrNotOnLinuxCountsNothing(@TempDir Path dir) {
        assertThat(CpuMeter.jitNanosByThread(dir.resolve("no-such-task-folder"))).isEmpty();
    }

    @Test
    void aCompilerThreadThatEndedTakesItsTimeWithItInsteadOfMakingTheFigureNegative() {
        // thread 2 compiled 4 s before the window and ended in it; thread 3 compiled 1 s in it; thread 5 started in it
        Map<String, Map<String, Long>> before = Map.of("matcher", Map.of("2", 4_000_000_000L, "3", 500_000_000L));
        Map<String, Map<String, Long>> after = Map.of("matcher", Map.of("3", 1_500_000_000L, "5", 200_000_000L),
                "broker", Map.of("9", 100_000_000L));

        // per 1,000 replies: (1 s + 0.2 s) / 1,000 = 1,200 us; the broker, not there before, from zero
        assertThat(CpuMeter.jitMicrosEach(before, after, 1_000)).containsOnly(entry("matcher", 1_200.0),
                entry("broker", 100.0));
    }

    private static void thread(Path tasks, int tid, String name, long user, long system) throws IOException {
        Path task = Files.createDirectories(tasks.resolve(Integer.toString(tid)));
        Files.writeString(task.resolve("comm"), name + "\n");
        Files.writeString(task.resolve("stat"), stat(tid, name, user, system));
    }

    @Test
    void theMachineIsBusyForAllButIdleAndIoWaitAndGuestTimeIsNotCountedTwice() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        CpuMeter.MachineTicks before = CpuMeter.machineTicks("cpu  100 0 50 800 50 0 0 0 40 0");
        CpuMeter.MachineTicks after = CpuMeter.machineTicks("cpu  250 10 90 900 60 5 5 0 90 0");
        assertThat(before).isEqualTo(new CpuMeter.MachineTicks(150, 1000));
        // 210 more busy ticks of 320: on 2 cores, 1.31 cores busy
        assertThat(after.busyCoresSince(before, 2)).isCloseTo(2 * 210.0 / 320, within(1e-9));
        assertThat(before.busyCoresSince(before, 2)).as("no time passed").isZero();
    }
}
