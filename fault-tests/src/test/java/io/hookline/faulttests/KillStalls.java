package io.hookline.faulttests;

import io.hookline.kafkatest.StageProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

/**
 * The {@code kill -9}s of a scenario and the stall each caused, two ways:
 * <ul>
 *   <li><b>takeover</b>: from the kill until every consumer group of the stage is stable again without one of the
 *       members it had before the kill (the dead one's): its partitions belong to live members again;</li>
 *   <li><b>replies</b>: of the deliveries whose post was sent from {@link #LOOKBACK_MILLIS} before the kill until the
 *       next kill (or the end), the longest wait from the kill (or the post, if later) until its reply was readable:
 *       posts routed to the dead process's partitions wait for the failover, the others do not (the median shows
 *       that they flowed). Under a backlog this includes queueing, which the takeover figure does not.</li>
 * </ul>
 */
final class KillStalls implements AutoCloseable {

    /** Work the victim had taken but not finished when it died was sent shortly before the kill. */
    static final long LOOKBACK_MILLIS = 2_000;
    private static final Duration TAKEOVER_TIMEOUT = Duration.ofMinutes(2);

    private record Kill(String what, long atMillis, int groups, CompletableFuture<Map<String, Long>> takeover) {
    }

    private final Pipeline pipeline;
    private final ReplyTimes times;
    private final Admin admin;
    private final long startedAt = System.currentTimeMillis();
    private final List<Kill> kills = new ArrayList<>();

    KillStalls(Pipeline pipeline, ReplyTimes times) {
        this.pipeline = pipeline;
        this.times = times;
        this.admin = Admin.create(pipeline.config().kafkaProperties());
    }

    /**
     * Kills {@code victim} (a process of {@code stage}) with SIGKILL, noting the time, and watches the stage's groups
     * in the background until each has taken the dead member's partitions over.
     */
    void kill(String what, String stage, StageProcess victim) {
        Map<String, Set<String>> before = members(stage);
        long at = System.currentTimeMillis();
        victim.kill();
        CompletableFuture<Map<String, Long>> takeover = CompletableFuture.supplyAsync(
                () -> awaitTakeover(stage, before, at));
        synchronized (kills) {
            kills.add(new Kill(what, at, before.size(), takeover));
        }
    }

    private Map<String, Set<String>> members(String stage) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        pipeline.groups(admin, stage).forEach((id, g) -> members.put(id, g.members().stream()
                .map(MemberDescription::consumerId).collect(Collectors.toSet())));
        return members;
    }

    /** Milliseconds from the kill until each group was stable without one of its members of before the kill. */
    private Map<String, Long> awaitTakeover(String stage, Map<String, Set<String>> before, long at) {
        Map<String, Long> done = new LinkedHashMap<>();
        long deadline = at + TAKEOVER_TIMEOUT.toMillis();
        while (done.size() < before.size() && System.currentTimeMillis() < deadline) {
            Map<String, ConsumerGroupDescription> now = pipeline.groups(admin, stage);
            long t = System.currentTimeMillis();
            before.forEach((id, members) -> {
                ConsumerGroupDescription g = now.get(id);
                if (!done.containsKey(id) && g != null && g.groupState() == GroupState.STABLE && !g.members()
                        .stream().map(MemberDescription::consumerId).collect(Collectors.toSet())
                        .containsAll(members)) {
                    done.put(id, t - at);
                }
            });
            sleep(100);
        }
        return done;
    }

    private static long longest(Map<String, Long> takeover) {
        return takeover.values().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** One line per kill, and one for the time before the first kill (what a wait is without a fault). */
    List<String> lines() {
        List<Kill> copy = copy();
        long now = System.currentTimeMillis();
        List<String> lines = new ArrayList<>();
        long firstKill = copy.isEmpty() ? Long.MAX_VALUE : copy.get(0).atMillis();
        lines.add("before the first kill, post to reply: " + times.waitAfter(Long.MIN_VALUE, startedAt,
                firstKill - LOOKBACK_MILLIS, now));
        for (int i = 0; i < copy.size(); i++) {
            Kill k = copy.get(i);
            Map<String, Long> takeover = k.takeover().join();
            long until = i + 1 < copy.size() ? copy.get(i + 1).atMillis() : Long.MAX_VALUE;
            String took = k.groups() == 0 ? "unknown (no group of the stage at the kill) "
                    : takeover.size() < k.groups() ? "not seen within " + TAKEOVER_TIMEOUT.toSeconds() + " s "
                    : longest(takeover) + " ms ";
            lines.add("stall after kill -9 " + k.what() + ": takeover " + took + takeover
                    + "; replies: " + times.waitAfter(k.atMillis(), k.atMillis() - LOOKBACK_MILLIS, until, now));
        }
        return lines;
    }

    private List<Kill> copy() {
        synchronized (kills) {
            return List.copyOf(kills);
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
