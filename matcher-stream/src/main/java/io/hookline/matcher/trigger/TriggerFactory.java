package io.hookline.matcher.trigger;

import io.hookline.matcher.index.HookMatch;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Builds the delivery jobs of a match: one {@link WebhookTrigger} per callback URL, carrying the payload of reference
 * 1.4 and the hook's identity for the outcome. Never the token or a signing secret: the dispatcher takes those from
 * the hook as it is at send time, so they live in {@code webhook-configs} alone.
 */
public final class TriggerFactory {

    private TriggerFactory() {
    }

    /**
     * One trigger per distinct callback URL of the hook, in the hook's order. A URL listed twice is called once: its
     * deliveries would share one delivery id and be indistinguishable downstream.
     *
     * @param triggeredAt when the matcher accepted the post (epoch milliseconds)
     */
    public static List<WebhookTrigger> triggers(PostEvent event, HookMatch match, long triggeredAt) {
        OutgoingWebhook hook = match.hook();
        WebhookPayload payload = payload(event, hook, match.triggerWord());
        List<WebhookTrigger> triggers = new ArrayList<>(hook.callbackUrls().size());
        for (String url : new LinkedHashSet<>(hook.callbackUrls())) {
            triggers.add(trigger(hook, WebhookTrigger.deliveryIdOf(event.post().id(), hook.id(), url), url,
                    event.post().rootId(), payload, triggeredAt));
        }
        return triggers;
    }

    /**
     * The delivery of {@code payload} to {@code callbackUrl} for {@code hook}: its content type, identity and
     * overrides as they are at {@code triggeredAt}. A match and a redelivery of a failed delivery build their trigger
     * here.
     *
     * @param rootId the triggering post's {@code root_id} ("" for a root post)
     */
    public static WebhookTrigger trigger(OutgoingWebhook hook, String deliveryId, String callbackUrl, String rootId,
                                         WebhookPayload payload, long triggeredAt) {
        return new WebhookTrigger(deliveryId, hook.id(), callbackUrl, "", "", "", "", "", rootId, payload, triggeredAt)
                .withHook(hook);
    }

    /**
     * Mattermost's {@code OutgoingWebhookPayload}: timestamp in milliseconds, file ids comma-joined, the token left
     * empty for the dispatcher to fill in.
     */
    public static WebhookPayload payload(PostEvent event, OutgoingWebhook hook, String triggerWord) {
        Post post = event.post();
        return new WebhookPayload(
                "",
                hook.teamId(),
                event.team().name(),
                post.channelId(),
                event.channel().name(),
                post.createAt(),
                post.userId(),
                event.user().username(),
                post.id(),
                post.message(),
                triggerWord,
                String.join(",", post.fileIds()));
    }
}
