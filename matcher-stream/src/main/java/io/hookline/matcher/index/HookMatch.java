package io.hookline.matcher.index;

import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.Objects;

/**
 * One hook that fires for a post, with the trigger word it matched on ("" when it fires because of its channel
 * alone). Every hook carries its own word: Mattermost's bug of sharing one variable across hooks is not reproduced.
 */
public record HookMatch(OutgoingWebhook hook, String triggerWord) {

    public HookMatch {
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(triggerWord, "triggerWord");
    }
}
