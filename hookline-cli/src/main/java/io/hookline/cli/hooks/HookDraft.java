package io.hookline.cli.hooks;

import java.util.List;

/** What an admin gives to create a hook; everything else (id, token, secret, times) is generated. */
public record HookDraft(
        String teamId,
        String channelId,
        List<String> triggerWords,
        TriggerWhen triggerWhen,
        List<String> callbackUrls,
        String displayName,
        String description,
        String contentType,
        String creatorId,
        String username,
        String iconUrl) {

    public HookDraft {
        triggerWords = triggerWords == null ? List.of() : List.copyOf(triggerWords);
        callbackUrls = callbackUrls == null ? List.of() : List.copyOf(callbackUrls);
        triggerWhen = triggerWhen == null ? TriggerWhen.EXACT : triggerWhen;
    }
}
