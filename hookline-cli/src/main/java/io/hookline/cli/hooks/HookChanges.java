package io.hookline.cli.hooks;

import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.List;

/**
 * What {@code hooks update} changes: null fields stay as they are. The fields are those Mattermost's
 * {@code PUT /api/v4/hooks/outgoing/{id}} may change; id, token, team, creator, creation time and the
 * signing secrets (see {@code hooks rotate-secret}) never change.
 *
 * @param clearTriggerWords remove every trigger word (then the hook fires on every post of its channel)
 */
public record HookChanges(
        String channelId,
        List<String> triggerWords,
        boolean clearTriggerWords,
        TriggerWhen triggerWhen,
        List<String> callbackUrls,
        String displayName,
        String description,
        String contentType,
        String username,
        String iconUrl) {

    public boolean isEmpty() {
        return channelId == null && triggerWords == null && !clearTriggerWords && triggerWhen == null
                && callbackUrls == null && displayName == null && description == null && contentType == null
                && username == null && iconUrl == null;
    }

    /** {@code hook} with these changes, updated now (never before its last update: a clock set back). */
    public OutgoingWebhook applyNow(OutgoingWebhook hook) {
        return applyTo(hook, Math.max(System.currentTimeMillis(), hook.updateAt()));
    }

    /** {@code hook} with these changes, updated at {@code now}. */
    public OutgoingWebhook applyTo(OutgoingWebhook hook, long now) {
        List<String> words = clearTriggerWords ? List.of() : or(triggerWords, hook.triggerWords());
        return hook.withUpdateAt(now)
                .withChannelId(or(channelId, hook.channelId()))
                .withTriggerWords(words)
                .withTriggerWhen(triggerWhen == null ? hook.triggerWhen() : triggerWhen.code())
                .withCallbackUrls(or(callbackUrls, hook.callbackUrls()))
                .withDisplayName(or(displayName, hook.displayName()))
                .withDescription(or(description, hook.description()))
                .withContentType(or(contentType, hook.contentType()))
                .withUsername(or(username, hook.username()))
                .withIconUrl(or(iconUrl, hook.iconUrl()));
    }

    private static <T> T or(T change, T current) {
        return change == null ? current : change;
    }
}
