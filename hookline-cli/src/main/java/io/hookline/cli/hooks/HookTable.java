package io.hookline.cli.hooks;

import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code webhook-configs} table as of one read: the latest record per hook id, with tombstones and
 * {@code delete_at > 0} applied the way the matcher applies them.
 *
 * @param live       live hooks by id, in order of their latest write
 * @param deleted    hook ids whose latest record is a tombstone or soft delete
 * @param unreadable records that are not a valid {@code OutgoingWebhook} (they stay in the topic; the matcher dead-letters them)
 */
public record HookTable(Map<String, OutgoingWebhook> live, int deleted, int unreadable) {

    public HookTable {
        live = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(live));
    }

    public Collection<OutgoingWebhook> hooks() {
        return live.values();
    }
}
