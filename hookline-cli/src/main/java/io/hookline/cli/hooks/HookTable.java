package io.hookline.cli.hooks;

import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code webhook-configs} table as of one read: what the latest record of each hook id makes of it, by the
 * matcher's own rule ({@link io.hookline.schemas.hook.HookLiveness}). A hook whose latest record is invalid is
 * rejected, not live, whatever an earlier record said.
 *
 * @param states  live and rejected hooks by id, in order of their latest write (what a listing shows)
 * @param deleted hook ids whose latest record is a tombstone or soft delete
 * @param keyless records without a key: they address no hook (they stay in the topic; the matcher dead-letters them)
 */
public record HookTable(Map<String, HookState> states, int deleted, int keyless) {

    public HookTable {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    /** The live hooks by id, in order of their latest write. */
    public Map<String, OutgoingWebhook> live() {
        Map<String, OutgoingWebhook> live = new LinkedHashMap<>();
        states.values().forEach(s -> {
            if (s instanceof HookState.Live l) {
                live.put(l.hookId(), l.hook());
            }
        });
        return Collections.unmodifiableMap(live);
    }

    /** The live hooks: the only ones that fire, and the only ones a new or changed hook can conflict with. */
    public Collection<OutgoingWebhook> hooks() {
        return live().values();
    }

    /** The hooks whose latest record is invalid, in order of their latest write. */
    public List<HookState.Rejected> rejected() {
        return states.values().stream().filter(HookState.Rejected.class::isInstance)
                .map(HookState.Rejected.class::cast).toList();
    }

    /** The state of hook {@code id}; empty when it was never written or is deleted. */
    public Optional<HookState> state(String id) {
        return Optional.ofNullable(states.get(id));
    }
}
