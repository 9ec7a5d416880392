package io.hookline.matcher.rule;

import io.hookline.matcher.index.HookMatch;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.PostEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Mattermost's {@code handleWebhookEvents} transcribed as plainly as possible: a scan over every hook, no index.
 * The one intended difference from Mattermost: each hook gets its own trigger word.
 */
final class ReferenceMatcher {

    /** Go's unicode.IsSpace as one regular expression character class. */
    private static final String GO_SPACE = "[\\t\\n\\x0B\\f\\r \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}"
            + "\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}]+";

    private ReferenceMatcher() {
    }

    static List<HookMatch> matches(Collection<OutgoingWebhook> hooks, PostEvent event, boolean enabled) {
        if (!enabled) {
            return List.of();
        }
        if (!event.channel().type().equals("O")) {
            return List.of();
        }
        Object fromWebhook = event.post().props().get("from_webhook");
        if ("true".equals(fromWebhook) || Boolean.TRUE.equals(fromWebhook)) {
            return List.of();
        }
        if (event.post().type().startsWith("system_") || event.post().editAt() != 0
                || event.post().deleteAt() != 0) {
            return List.of();
        }
        List<String> words = Arrays.stream(event.post().message().split(GO_SPACE)).filter(w -> !w.isEmpty()).toList();
        String firstWord = words.isEmpty() ? "" : words.get(0);
        String channelId = event.post().channelId();

        List<HookMatch> out = new ArrayList<>();
        for (OutgoingWebhook hook : hooks) {
            if (hook.deleteAt() > 0 || !hook.teamId().equals(event.teamId())) {
                continue;
            }
            if (!(hook.channelId().equals(channelId) || hook.channelId().isEmpty())) {
                continue;
            }
            if (hook.channelId().equals(channelId) && hook.triggerWords().isEmpty()) {
                out.add(new HookMatch(hook, ""));
            } else if (hook.triggerWhen() == 0 && exactMatch(hook, firstWord)) {
                out.add(new HookMatch(hook, triggerWord(hook, firstWord, true)));
            } else if (hook.triggerWhen() == 1 && startsWith(hook, firstWord)) {
                out.add(new HookMatch(hook, triggerWord(hook, firstWord, false)));
            }
        }
        out.sort(Comparator.comparing(m -> m.hook().id()));
        return out;
    }

    private static boolean exactMatch(OutgoingWebhook hook, String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (String trigger : hook.triggerWords()) {
            if (trigger.equals(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(OutgoingWebhook hook, String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (String trigger : hook.triggerWords()) {
            if (word.startsWith(trigger)) {
                return true;
            }
        }
        return false;
    }

    /** Mattermost's {@code GetTriggerWord}: the first trigger word of the hook, in its own order, that matches. */
    private static String triggerWord(OutgoingWebhook hook, String word, boolean exact) {
        for (String trigger : hook.triggerWords()) {
            if (exact ? trigger.equals(word) : word.startsWith(trigger)) {
                return trigger;
            }
        }
        return "";
    }
}
