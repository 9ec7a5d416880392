package io.hookline.matcher.index;

import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one team's live hooks, arranged so that matching a post costs one map lookup for its
 * channel, one for its first word and one trie walk of at most the first word's length, however many hooks the team
 * has.
 */
final class TeamHooks {

    /** A trigger word of a starts-with hook, with its position in the hook's list (Mattermost picks the first). */
    private record PrefixEntry(OutgoingWebhook hook, int position, String word) {
    }

    private final Map<String, List<OutgoingWebhook>> channelOnly;
    private final Map<String, List<OutgoingWebhook>> exactWords;
    private final PrefixTrie<PrefixEntry> prefixWords;

    private TeamHooks(Map<String, List<OutgoingWebhook>> channelOnly, Map<String, List<OutgoingWebhook>> exactWords,
                      PrefixTrie<PrefixEntry> prefixWords) {
        this.channelOnly = channelOnly;
        this.exactWords = exactWords;
        this.prefixWords = prefixWords;
    }

    static TeamHooks of(Collection<OutgoingWebhook> hooks) {
        Map<String, List<OutgoingWebhook>> channelOnly = new HashMap<>();
        Map<String, List<OutgoingWebhook>> exactWords = new HashMap<>();
        PrefixTrie.Builder<PrefixEntry> prefixWords = new PrefixTrie.Builder<>();
        for (OutgoingWebhook hook : hooks) {
            if (!hook.channelId().isEmpty() && hook.triggerWords().isEmpty()) {
                channelOnly.computeIfAbsent(hook.channelId(), c -> new ArrayList<>()).add(hook);
            } else if (hook.triggerWhen() == OutgoingWebhook.TRIGGER_WORDS_EXACT_MATCH) {
                // a word listed twice must not make the hook fire twice
                for (String word : new LinkedHashSet<>(hook.triggerWords())) {
                    if (!word.isEmpty()) {
                        exactWords.computeIfAbsent(word, w -> new ArrayList<>()).add(hook);
                    }
                }
            } else if (hook.triggerWhen() == OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH) {
                List<String> words = hook.triggerWords();
                for (int position = 0; position < words.size(); position++) {
                    String word = words.get(position);
                    if (!word.isEmpty()) {
                        prefixWords.add(word, new PrefixEntry(hook, position, word));
                    }
                }
            }
            // any other trigger_when (a negative one is valid) never fires on words, as in Mattermost
        }
        channelOnly.replaceAll((c, list) -> List.copyOf(list));
        exactWords.replaceAll((w, list) -> List.copyOf(list));
        return new TeamHooks(Map.copyOf(channelOnly), Map.copyOf(exactWords), prefixWords.build());
    }

    /** Adds to {@code out} every hook of this team that fires for a post in {@code channelId} starting with {@code firstWord}. */
    void collect(String channelId, String firstWord, List<HookMatch> out) {
        for (OutgoingWebhook hook : channelOnly.getOrDefault(channelId, List.of())) {
            out.add(new HookMatch(hook, ""));
        }
        if (firstWord.isEmpty()) {
            return;
        }
        for (OutgoingWebhook hook : exactWords.getOrDefault(firstWord, List.of())) {
            if (appliesTo(hook, channelId)) {
                out.add(new HookMatch(hook, firstWord));
            }
        }
        if (prefixWords.isEmpty()) {
            return;
        }
        // one hook may have several of its words as prefixes: it fires once, with the first of them in its own list
        List<PrefixEntry> found = new ArrayList<>(0);
        prefixWords.forEachPrefixOf(firstWord, found::add);
        if (found.isEmpty()) {
            return;
        }
        Map<String, PrefixEntry> best = new HashMap<>();
        for (PrefixEntry entry : found) {
            if (appliesTo(entry.hook(), channelId)) {
                best.merge(entry.hook().id(), entry, (a, b) -> a.position() <= b.position() ? a : b);
            }
        }
        for (PrefixEntry entry : best.values()) {
            out.add(new HookMatch(entry.hook(), entry.word()));
        }
    }

    private static boolean appliesTo(OutgoingWebhook hook, String channelId) {
        return hook.channelId().isEmpty() || hook.channelId().equals(channelId);
    }
}
