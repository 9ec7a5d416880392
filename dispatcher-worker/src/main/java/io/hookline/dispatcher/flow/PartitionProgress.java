package io.hookline.dispatcher.flow;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Which offsets of one assigned partition are done. The committable offset is the lowest offset still in work (or
 * the one after the last seen record when none is), so a commit never skips a record whose result is not yet
 * durable. Thread-safe: records are tracked by the poll loop and completed from producer callbacks.
 */
public final class PartitionProgress {

    private final TreeSet<Long> pending = new TreeSet<>();
    private long next = -1;
    private long committed = -1;
    private volatile boolean revoked;

    /** A record at {@code offset} is taken into work. */
    public synchronized void track(long offset) {
        pending.add(offset);
        next = Math.max(next, offset + 1);
    }

    /** The record at {@code offset} has its result written and acknowledged. */
    public synchronized void complete(long offset) {
        pending.remove(offset);
    }

    /**
     * The records from {@code offset} on are given back untaken (they wait in the lane, their partition paused): they
     * are no longer in work, and nothing from {@code offset} on may be committed until they are taken again.
     */
    public synchronized void rewind(long offset) {
        pending.tailSet(offset, true).clear();
        next = Math.min(next, offset);
    }

    /** The offset to commit, when it moved past the last commit. */
    public synchronized OptionalLong committable() {
        if (next < 0) {
            return OptionalLong.empty();
        }
        long c = pending.isEmpty() ? next : pending.first();
        return c > committed ? OptionalLong.of(c) : OptionalLong.empty();
    }

    public synchronized void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    /** The partition went to another worker: work not started yet for it is dropped. */
    public void revoke() {
        revoked = true;
    }

    public boolean revoked() {
        return revoked;
    }
}
