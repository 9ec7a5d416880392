package io.hookline.schemas.hook;

import java.util.Optional;

/**
 * What the latest {@code webhook-configs} record of a hook id makes of that hook ({@link HookLiveness#decide}). Only
 * the latest record counts, as in a KTable: the log cleaner keeps nothing else, so any rule looking further back would
 * give another answer after compaction. Only a {@link Live} hook fires.
 */
public sealed interface HookState {

    /** The record key, i.e. the hook id; null for a record without key, which addresses no hook. */
    String hookId();

    /** A valid hook: it fires. */
    record Live(OutgoingWebhook hook) implements HookState {
        @Override
        public String hookId() {
            return hook.id();
        }

        @Override
        public String toString() {
            return "Live[" + hook.masked() + "]";
        }
    }

    /** A tombstone, or a record with {@code delete_at > 0}: the hook is gone. */
    record Deleted(String hookId) implements HookState {
    }

    /**
     * An invalid record: the hook does not fire (fail closed), whatever an earlier record said, until a valid record
     * replaces it. The reason never contains the token or a signing secret.
     *
     * @param parsed the record, when it parsed as an {@code OutgoingWebhook} whose id is its key (so that a tool can
     *               repair or soft-delete it); empty otherwise
     */
    record Rejected(String hookId, String reason, Optional<OutgoingWebhook> parsed) implements HookState {
        public Rejected {
            parsed = parsed == null ? Optional.empty() : parsed;
        }

        @Override
        public String toString() {
            return "Rejected[hookId=" + hookId + ", reason=" + reason + "]";
        }
    }
}
