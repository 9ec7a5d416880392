package io.hookline.faulttests;

import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The zero-loss account of a run: every expected delivery, one per (post, hook, callback URL), must end in exactly
 * one of three ways, and nothing else may appear:
 * <ul>
 *   <li>{@link Fate#DELIVERED}: exactly one {@code create_post} command;</li>
 *   <li>{@link Fate#FAILED}: exactly one failed delivery outcome plus exactly one {@code ephemeral_post} notice;</li>
 *   <li>{@link Fate#REJECTED}: the callback answered but its response cannot be a post: exactly one ingestor dead
 *   letter.</li>
 * </ul>
 * Pure bookkeeping (no Kafka): {@link LedgerReader} feeds it what the topics hold.
 */
public final class Ledger {

    /** Where one delivery stands. */
    public enum Fate { DELIVERED, FAILED, REJECTED, MISSING, DOUBLED, INCONSISTENT }

    /** One expected delivery. */
    public record Expected(String deliveryId, String postId, String hookId, String callbackUrl) {
    }

    private static final class Entry {
        final Expected expected;
        int createPosts;
        int notices;
        int failedOutcomes;
        int ingestorDeadLetters;
        final List<String> reasons = new ArrayList<>();

        Entry(Expected expected) {
            this.expected = expected;
        }

        Fate fate() {
            if (createPosts > 1 || notices > 1 || failedOutcomes > 1 || ingestorDeadLetters > 1) {
                return Fate.DOUBLED;
            }
            int kinds = createPosts + Math.max(notices, failedOutcomes) + ingestorDeadLetters;
            if (kinds == 0) {
                return Fate.MISSING;
            }
            if (kinds > 1) {
                return Fate.INCONSISTENT;
            }
            if (createPosts == 1) {
                return Fate.DELIVERED;
            }
            if (ingestorDeadLetters == 1) {
                return Fate.REJECTED;
            }
            // a failure is complete only with both its failed outcome and its notice
            return notices == 1 && failedOutcomes == 1 ? Fate.FAILED : Fate.MISSING;
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> unexpected = new LinkedHashSet<>();

    /** Adds the delivery of {@code postId} by {@code hookId} to {@code callbackUrl}; returns its delivery id. */
    public synchronized String expect(String postId, String hookId, String callbackUrl) {
        String id = WebhookTrigger.deliveryIdOf(postId, hookId, callbackUrl);
        entries.putIfAbsent(id, new Entry(new Expected(id, postId, hookId, callbackUrl)));
        return id;
    }

    public synchronized void createPost(String deliveryId) {
        Entry e = entry(deliveryId);
        if (e != null) {
            e.createPosts++;
        }
    }

    public synchronized void failureNotice(String deliveryId) {
        Entry e = entry(deliveryId);
        if (e != null) {
            e.notices++;
        }
    }

    public synchronized void failedOutcome(String deliveryId, String reason) {
        Entry e = entry(deliveryId);
        if (e != null) {
            e.failedOutcomes++;
            e.reasons.add(reason);
        }
    }

    public synchronized void ingestorDeadLetter(String deliveryId, String reason) {
        Entry e = entry(deliveryId);
        if (e != null) {
            e.ingestorDeadLetters++;
            e.reasons.add(reason);
        }
    }

    private Entry entry(String deliveryId) {
        Entry e = entries.get(deliveryId);
        if (e == null) {
            unexpected.add(deliveryId);
        }
        return e;
    }

    public synchronized int expectedCount() {
        return entries.size();
    }

    /** True when no expected delivery is still missing (doubled and inconsistent ones count as settled). */
    public synchronized boolean settled() {
        return entries.values().stream().noneMatch(e -> e.fate() == Fate.MISSING);
    }

    public synchronized Report report() {
        Map<Fate, Integer> counts = new EnumMap<>(Fate.class);
        for (Fate f : Fate.values()) {
            counts.put(f, 0);
        }
        Map<Fate, List<Expected>> wrong = new EnumMap<>(Fate.class);
        Map<String, List<String>> reasonsByUrl = new TreeMap<>();
        for (Entry e : entries.values()) {
            Fate f = e.fate();
            counts.merge(f, 1, Integer::sum);
            if (f == Fate.MISSING || f == Fate.DOUBLED || f == Fate.INCONSISTENT) {
                wrong.computeIfAbsent(f, k -> new ArrayList<>()).add(e.expected);
            }
            if (!e.reasons.isEmpty()) {
                reasonsByUrl.computeIfAbsent(e.expected.callbackUrl(), k -> new ArrayList<>()).addAll(e.reasons);
            }
        }
        return new Report(entries.size(), counts, wrong, List.copyOf(unexpected), reasonsByUrl);
    }

    /** The state of the ledger at one moment. */
    public record Report(int expected, Map<Fate, Integer> fates, Map<Fate, List<Expected>> wrong,
                         List<String> unexpectedDeliveryIds, Map<String, List<String>> failureReasonsByUrl) {

        public int count(Fate fate) {
            return fates.getOrDefault(fate, 0);
        }

        /** Nothing missing, nothing doubled or mixed, nothing that was never expected. */
        public boolean balanced() {
            return count(Fate.MISSING) == 0 && count(Fate.DOUBLED) == 0 && count(Fate.INCONSISTENT) == 0
                    && unexpectedDeliveryIds.isEmpty();
        }

        public String summary() {
            StringBuilder s = new StringBuilder("ledger: expected ").append(expected);
            fates.forEach((f, n) -> s.append(", ").append(f.name().toLowerCase()).append(' ').append(n));
            s.append(", unexpected ").append(unexpectedDeliveryIds.size());
            wrong.forEach((f, list) -> s.append("\n  ").append(f).append(" e.g. ")
                    .append(list.subList(0, Math.min(5, list.size()))));
            return s.toString();
        }
    }
}
