package io.hookline.schemas.trigger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hookline.schemas.Ids;
import io.hookline.schemas.hook.CallbackUrlCredentials;
import java.util.List;

/**
 * The value of {@code webhook-triggers}: one delivery job for one (post, hook, callback URL). It is self-contained:
 * everything the dispatcher and the ingestor need is copied from the hook at matching time, so a config change after
 * matching never changes an accepted trigger.
 *
 * <p>Key: {@link #partitionKey()}, {@code <hook_id>:<channel_id>}, so that deliveries of one hook in one channel keep
 * their order while everything else runs in parallel.
 *
 * @param deliveryId      deterministic id of this delivery (same post, hook and URL give the same id)
 * @param signingSecrets  Standard Webhooks secrets ({@code whsec_...}) to sign with, current first; empty: unsigned
 * @param rootId          the triggering post's {@code root_id} ("" when it is a root post)
 * @param triggeredAt     when the matcher accepted the post (epoch milliseconds)
 */
public record WebhookTrigger(
        String deliveryId,
        String hookId,
        String callbackUrl,
        String contentType,
        List<String> signingSecrets,
        String hookDisplayName,
        String creatorId,
        String username,
        String iconUrl,
        String rootId,
        WebhookPayload payload,
        long triggeredAt) {

    public WebhookTrigger {
        deliveryId = orEmpty(deliveryId);
        hookId = orEmpty(hookId);
        callbackUrl = orEmpty(callbackUrl);
        contentType = orEmpty(contentType);
        signingSecrets = signingSecrets == null ? List.of() : List.copyOf(signingSecrets);
        hookDisplayName = orEmpty(hookDisplayName);
        creatorId = orEmpty(creatorId);
        username = orEmpty(username);
        iconUrl = orEmpty(iconUrl);
        rootId = orEmpty(rootId);
    }

    /** The delivery id of (post, hook, callback URL): stable across retries, replays and re-matching. */
    public static String deliveryIdOf(String postId, String hookId, String callbackUrl) {
        return Ids.deterministic("delivery", postId, hookId, callbackUrl);
    }

    /**
     * The delivery id of the redelivery of a failed delivery: new, so the ingestor (which drops outcomes of delivery
     * ids it has seen) takes its outcome, and the same for the same failed outcome ({@code failedAt} is its
     * {@code completed_at}), so redelivering one failure twice posts at most once.
     */
    public static String redeliveryIdOf(String failedDeliveryId, long failedAt) {
        return Ids.deterministic("redelivery", failedDeliveryId, Long.toString(failedAt));
    }

    /** Record key on {@code webhook-triggers} and {@code webhook-responses}. */
    public static String partitionKey(String hookId, String channelId) {
        return hookId + ":" + channelId;
    }

    @JsonIgnore
    public String partitionKey() {
        return partitionKey(hookId, payload == null ? "" : payload.channelId());
    }

    /** The root of the thread the triggering post is in: where a {@code comment} response goes. */
    @JsonIgnore
    public String threadRootId() {
        return rootId.isEmpty() ? payload.postId() : rootId;
    }

    /**
     * This trigger with the token and signing secrets removed and the callback URL's password masked: what delivery
     * outcomes carry. The masked URL still names the endpoint; the delivery id, made from the real URL, stays.
     */
    public WebhookTrigger redacted() {
        return new WebhookTrigger(deliveryId, hookId, CallbackUrlCredentials.masked(callbackUrl), contentType,
                List.of(), hookDisplayName, creatorId, username, iconUrl, rootId,
                payload == null ? null : payload.withoutToken(), triggeredAt);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
