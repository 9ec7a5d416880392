package io.hookline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time used by the processes of a run. On a shared 2-core machine deliveries/s move with whatever else runs, but
 * the CPU a process spends per delivery barely does: it is the figure to compare before and after a change.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc}'s counters: fixed at 100 by the Linux ABI on x86 and ARM. */
    private static final long USER_HZ = 100;

    /**
     * CPU used, in nanoseconds, by each part of a run.
     *
     * @param dispatcher the dispatcher processes together
     * @param broker     the broker child JVM
     * @param endpoints  the callback endpoints' threads in this JVM
     * @param bench      this JVM without its endpoints (the client alone, or the trigger writer and outcome reader)
     */
    record Sample(long dispatcher, long broker, long endpoints, long bench) {

        Sample minus(Sample earlier) {
            return new Sample(dispatcher - earlier.dispatcher, broker - earlier.broker, endpoints - earlier.endpoints,
                    bench - earlier.bench);
        }
    }

    /** Clock ticks of every CPU of the machine so far: those spent busy and all of them (idle and I/O wait included). */
    record MachineTicks(long busy, long total) {

        /** How many cores were busy on average from {@code earlier} to this ({@code cores} cores in all). */
        double busyCoresSince(MachineTicks earlier, int cores) {
            long all = total - earlier.total;
            return all <= 0 ? 0 : (double) (busy - earlier.busy) / all * cores;
        }
    }

    private CpuMeter() {
    }

    /** The machine's ticks from {@code /proc/stat}; zero where there is none (the figure is then left out). */
    static MachineTicks machine() {
        try {
            return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.startsWith("cpu "))
                    .findFirst().map(CpuMeter::machineTicks).orElse(new MachineTicks(0, 0));
        } catch (IOException | RuntimeException e) {
            return new MachineTicks(0, 0);
        }
    }

    /**
     * The {@code cpu} line of {@code /proc/stat}: user, nice, system, idle, iowait, irq, softirq, steal (guest time is
     * already inside user and nice); busy is all but idle and iowait.
     */
    static MachineTicks machineTicks(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new MachineTicks(total - idle, total);
    }

    static Sample sample(List<ProcessHandle> dispatchers) {
        long d = 0;
        for (ProcessHandle p : dispatchers) {
            d += cpuNanos(p);
        }
        long endpoints = Endpoints.cpuNanos();
        long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Sample(d, broker().map(CpuMeter::cpuNanos).orElse(0L), endpoints, self - endpoints);
    }

    /**
     * CPU used so far, in nanoseconds, by each named process and by the broker (as {@code broker}), in the order given.
     */
    static Map<String, Long> byProcess(Map<String, ProcessHandle> processes) {
        Map<String, Long> used = new LinkedHashMap<>();
        processes.forEach((name, handle) -> used.put(name, cpuNanos(handle)));
        used.put("broker", broker().map(CpuMeter::cpuNanos).orElse(0L));
        return used;
    }

    /**
     * CPU used so far, in nanoseconds, by each JIT compiler thread (by thread id) of each named process and of the
     * broker (as {@code broker}): the part of a young JVM's CPU that buys no delivery. Linux only (none elsewhere).
     * HotSpot ends compiler threads it no longer needs (always some with C1 only, {@code -XX:TieredStopAtLevel=1}; with
     * more cores, the extra ones it started under load), and an ended thread takes its time with it: compared per
     * thread ({@link #jitMicrosEach}), such a figure is a lower bound, never a negative one.
     */
    static Map<String, Map<String, Long>> jitByProcess(Map<String, ProcessHandle> processes) {
        Map<String, Map<String, Long>> used = new LinkedHashMap<>();
        processes.forEach((name, handle) -> used.put(name, jitNanosByThread(handle.pid())));
        used.put("broker", broker().map(b -> jitNanosByThread(b.pid())).orElse(Map.of()));
        return used;
    }

    /** User and system time of each of a process's threads named {@code C1 CompilerThre...} or {@code C2 ...}. */
    static Map<String, Long> jitNanosByThread(long pid) {
        return jitNanosByThread(Path.of("/proc", Long.toString(pid), "task"));
    }

    /** {@link #jitNanosByThread(long)} of the threads listed in {@code tasks} (a {@code /proc/PID/task} folder). */
    static Map<String, Long> jitNanosByThread(Path tasks) {
        Map<String, Long> byThread = new LinkedHashMap<>();
        if (!Files.isDirectory(tasks)) {
            return byThread;
        }
        try (var threads = Files.list(tasks)) {
            for (Path task : threads.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        byThread.put(task.getFileName().toString(),
                                userAndSystemTicks(Files.readString(task.resolve("stat"))) * (1_000_000_000L / USER_HZ));
                    }
                } catch (IOException threadGone) {
                    // a thread that ended between the listing and the read has nothing more to count
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byThread;
    }

    /**
     * Microseconds per {@code count} of what each process's compiler threads used between {@code before} and
     * {@code after}: the threads alive at {@code after}, each from its own figure at {@code before} (zero for a thread
     * started since).
     */
    static Map<String, Double> jitMicrosEach(Map<String, Map<String, Long>> before,
                                             Map<String, Map<String, Long>> after, int count) {
        Map<String, Long> used = new LinkedHashMap<>();
        after.forEach((process, threads) -> {
            Map<String, Long> earlier = before.getOrDefault(process, Map.of());
            used.put(process, threads.entrySet().stream()
                    .mapToLong(t -> t.getValue() - earlier.getOrDefault(t.getKey(), 0L)).sum());
        });
        return microsEach(Map.of(), used, count);
    }

    /** utime + stime of a {@code /proc/PID/task/TID/stat} line (fields 14 and 15; the name in field 2 may hold spaces). */
    static long userAndSystemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Microseconds per {@code count} of what each process used between {@code before} and {@code after}. */
    static Map<String, Double> microsEach(Map<String, Long> before, Map<String, Long> after, int count) {
        Map<String, Double> each = new LinkedHashMap<>();
        after.forEach((name, nanos) -> each.put(name,
                Math.round(micros(nanos - before.getOrDefault(name, 0L), count) * 10) / 10.0));
        return each;
    }

    /** CPU time of this JVM's threads whose name starts with {@code prefix}, alive now. */
    static long threadNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(prefix)) {
                long n = threads.getThreadCpuTime(t.getId());
                sum += Math.max(0, n);
            }
        }
        return sum;
    }

    /** Microseconds per delivery. */
    static double micros(long nanos, int deliveries) {
        return nanos / 1000.0 / deliveries;
    }

    /** CPU time a process has used so far (0 when the platform does not tell). */
    static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The broker is the child JVM running {@code kafka.Kafka} (the stage processes are children too). */
    private static Optional<ProcessHandle> broker() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains("kafka.Kafka")).orElse(false))
                .findFirst();
    }
}
