package io.hookline.faulttests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each expected delivery's post was sent and when its first reply ({@code create_post} or failure notice) became
 * readable, in wall-clock milliseconds; from these, how long the deliveries around a fault waited. Pure bookkeeping
 * (no Kafka): {@link LoadDriver} records the sends, {@link ReplyWatcher} the replies.
 */
final class ReplyTimes {

    /** How long the deliveries of one time window waited for their reply. */
    record Wait(int deliveries, int unanswered, long longestMillis, long medianMillis) {

        @Override
        public String toString() {
            return "longest " + longestMillis + " ms, median " + medianMillis + " ms over " + deliveries
                    + " deliveries" + (unanswered > 0 ? " (" + unanswered + " never answered)" : "");
        }
    }

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> repliedAt = new ConcurrentHashMap<>();

    void sent(String deliveryId, long atMillis) {
        sentAt.putIfAbsent(deliveryId, atMillis);
    }

    /** Only the first reply counts: a doubled one is the ledger's business. */
    void replied(String deliveryId, long atMillis) {
        repliedAt.putIfAbsent(deliveryId, atMillis);
    }

    /**
     * Of the deliveries whose post was sent in [{@code from}, {@code to}): how long each waited for its reply, counted
     * from {@code since} or from its send if later (a fault at {@code since} cannot delay what was sent before it by
     * more than the time since the fault); deliveries answered before {@code since} waited nothing. One never
     * answered counts as waiting until {@code now}.
     */
    Wait waitAfter(long since, long from, long to, long now) {
        List<Long> waits = new ArrayList<>();
        int unanswered = 0;
        for (Map.Entry<String, Long> e : sentAt.entrySet()) {
            long sent = e.getValue();
            if (sent < from || sent >= to) {
                continue;
            }
            Long replied = repliedAt.get(e.getKey());
            if (replied == null) {
                unanswered++;
            }
            long end = replied == null ? now : replied;
            waits.add(Math.max(0, end - Math.max(sent, since)));
        }
        if (waits.isEmpty()) {
            return new Wait(0, 0, 0, 0);
        }
        Collections.sort(waits);
        return new Wait(waits.size(), unanswered, waits.get(waits.size() - 1), waits.get(waits.size() / 2));
    }
}
