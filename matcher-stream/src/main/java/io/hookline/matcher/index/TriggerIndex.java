package io.hookline.matcher.index;

import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live hooks of every team, indexed for matching: team, then channel or first word. Written by one thread (the
 * global store's), read concurrently by every stream thread.
 *
 * <p>Each team's hooks are published as one immutable {@link TeamHooks} snapshot, replaced as a whole when one of
 * them changes: a reader sees either the old or the new version of a hook, never a mix. A write only marks its team
 * dirty; the first read of a dirty team rebuilds its snapshot (under the writers' lock), so a restore that replays
 * thousands of records into one team costs one rebuild, not one per record, and a read of a clean team takes no
 * lock at all.
 */
public final class TriggerIndex {

    private static final Comparator<HookMatch> BY_HOOK_ID = Comparator.comparing(m -> m.hook().id());

    private final ConcurrentHashMap<String, TeamHooks> snapshots = new ConcurrentHashMap<>();
    private final Set<String> dirtyTeams = ConcurrentHashMap.newKeySet();
    private final Map<String, OutgoingWebhook> hooksById = new HashMap<>();
    private final Map<String, Map<String, OutgoingWebhook>> hooksByTeam = new HashMap<>();

    /** Adds or replaces a hook; a hook with {@code delete_at > 0} is removed instead. */
    public synchronized void put(OutgoingWebhook hook) {
        if (hook.isDeleted()) {
            remove(hook.id());
            return;
        }
        OutgoingWebhook previous = hooksById.put(hook.id(), hook);
        if (previous != null && !previous.teamId().equals(hook.teamId())) {
            removeFromTeam(previous);
            publish(previous.teamId());
        }
        hooksByTeam.computeIfAbsent(hook.teamId(), t -> new HashMap<>()).put(hook.id(), hook);
        publish(hook.teamId());
    }

    /** Removes the hook with this id, if present. */
    public synchronized void remove(String hookId) {
        OutgoingWebhook previous = hooksById.remove(hookId);
        if (previous != null) {
            removeFromTeam(previous);
            publish(previous.teamId());
        }
    }

    /** Replaces the whole table, e.g. with the content of the hook store after a restart. */
    public synchronized void replaceAll(Iterable<OutgoingWebhook> hooks) {
        hooksById.clear();
        hooksByTeam.clear();
        for (OutgoingWebhook hook : hooks) {
            if (!hook.isDeleted()) {
                hooksById.put(hook.id(), hook);
                hooksByTeam.computeIfAbsent(hook.teamId(), t -> new HashMap<>()).put(hook.id(), hook);
            }
        }
        Set<String> stale = new HashSet<>(snapshots.keySet());
        stale.removeAll(hooksByTeam.keySet());
        hooksByTeam.keySet().forEach(this::publish);
        stale.forEach(this::publish);
    }

    /**
     * The hooks of {@code teamId} that fire for a post in {@code channelId} whose first word is {@code firstWord}
     * ("" for an empty message), each with its own matched word, ordered by hook id. Channel type, post flags and
     * the global switch are the caller's business.
     */
    public List<HookMatch> match(String teamId, String channelId, String firstWord) {
        if (dirtyTeams.contains(teamId)) {
            refresh(teamId);
        }
        TeamHooks team = snapshots.get(teamId);
        if (team == null) {
            return List.of();
        }
        List<HookMatch> out = new ArrayList<>(2);
        team.collect(channelId, firstWord, out);
        if (out.size() > 1) {
            out.sort(BY_HOOK_ID);
        }
        return out;
    }

    public synchronized int size() {
        return hooksById.size();
    }

    public synchronized Optional<OutgoingWebhook> hook(String hookId) {
        return Optional.ofNullable(hooksById.get(hookId));
    }

    private void removeFromTeam(OutgoingWebhook hook) {
        Map<String, OutgoingWebhook> team = hooksByTeam.get(hook.teamId());
        if (team != null) {
            team.remove(hook.id());
            if (team.isEmpty()) {
                hooksByTeam.remove(hook.teamId());
            }
        }
    }

    /** Marks the team's snapshot out of date; the next {@link #match} of the team rebuilds it. */
    private void publish(String teamId) {
        dirtyTeams.add(teamId);
    }

    private synchronized void refresh(String teamId) {
        if (dirtyTeams.remove(teamId)) {
            Map<String, OutgoingWebhook> team = hooksByTeam.get(teamId);
            if (team == null) {
                snapshots.remove(teamId);
            } else {
                snapshots.put(teamId, TeamHooks.of(team.values()));
            }
        }
    }
}
