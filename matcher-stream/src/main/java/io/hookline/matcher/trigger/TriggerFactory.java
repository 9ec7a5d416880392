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
 * Builds the self-contained delivery jobs of a match: one {@link WebhookTrigger} per callback URL, carrying the
 * payload of reference 1.4 and everything of the hook the later stages need, so they never look the hook up again.
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
     * The delivery of {@code payload} to {@code callbackUrl} as {@code hook} is configured at {@code triggeredAt}: its
     * content type, signing secrets, identity and overrides, and its token in the payload. A match and a redelivery of
     * a failed delivery (which carries no token or secret) build their trigger here.
     *
     * @param rootId the triggering post's {@code root_id} ("" for a root post)
     */
    public static WebhookTrigger trigger(OutgoingWebhook hook, String deliveryId, String callbackUrl, String rootId,
                                         WebhookPayload payload, long triggeredAt) {
        return new WebhookTrigger(deliveryId, hook.id(), callbackUrl, hook.contentType(),
                hook.signingSecretsAt(triggeredAt), hook.displayName(), hook.creatorId(), hook.username(),
                hook.iconUrl(), rootId,
                payload.token().equals(hook.token()) ? payload : payload.withToken(hook.token()), triggeredAt);
    }

    /** Mattermost's {@code OutgoingWebhookPayload}: timestamp in milliseconds, file ids comma-joined. */
    public static WebhookPayload payload(PostEvent event, OutgoingWebhook hook, String triggerWord) {
        Post post = event.post();
        return new WebhookPayload(
                hook.token(),
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
