package io.hookline.matcher.hook;

import io.hookline.schemas.hook.OutgoingWebhook;

/** What one record of the {@code webhook-configs} topic does to the table of live hooks. */
public sealed interface HookChange {

    /** A valid, live hook: it replaces any earlier version of the same id. */
    record Upsert(OutgoingWebhook hook) implements HookChange {
    }

    /** A tombstone or a valid record with {@code delete_at > 0}: the hook no longer fires. */
    record Removal(String hookId) implements HookChange {
    }

    /**
     * A record that is not applied: the previous valid version of the hook, if any, stays in force. The reason never
     * contains the token or the signing secret.
     */
    record Rejection(String reason) implements HookChange {
    }
}
