package io.hookline.ingestor.testing;

import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.Ids;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;

/** Valid triggers and outcomes for tests, with ids derived from names so that failures are readable. */
public final class Fixtures {

    public static final String HOOK_ID = Ids.deterministic("hook");
    public static final String CREATOR_ID = Ids.deterministic("creator");
    public static final String AUTHOR_ID = Ids.deterministic("author");
    public static final String CHANNEL_ID = Ids.deterministic("channel");
    public static final String TEAM_ID = Ids.deterministic("team");
    public static final String POST_ID = Ids.deterministic("post");
    public static final String THREAD_ROOT_ID = Ids.deterministic("thread-root");
    public static final String CALLBACK = "https://example.invalid/hook";

    private Fixtures() {
    }

    public static WebhookTrigger trigger() {
        return trigger(POST_ID, "");
    }

    /** A trigger for post {@code postId}; {@code rootId} "" for a root post. */
    public static WebhookTrigger trigger(String postId, String rootId) {
        WebhookPayload payload = new WebhookPayload("", TEAM_ID, "engineering", CHANNEL_ID, "town-square",
                1764150000000L, AUTHOR_ID, "alice", postId, "ping", "ping", "");
        return new WebhookTrigger(WebhookTrigger.deliveryIdOf(postId, HOOK_ID, CALLBACK), HOOK_ID, CALLBACK,
                "application/json", "Deploy Bot", CREATOR_ID, "deploybot", "https://example.invalid/i.png",
                rootId, payload, 1764150000100L);
    }

    public static WebhookTrigger triggerWithoutDefaults() {
        WebhookTrigger t = trigger();
        return new WebhookTrigger(t.deliveryId(), t.hookId(), t.callbackUrl(), t.contentType(), "",
                t.creatorId(), "", "", t.rootId(), t.payload(), t.triggeredAt());
    }

    public static DeliveryOutcome succeeded(String body) {
        return succeeded(trigger(), body);
    }

    public static DeliveryOutcome succeeded(WebhookTrigger trigger, String body) {
        return new DeliveryOutcome(trigger.deliveryId(), trigger, DeliveryOutcome.SUCCEEDED, 200, body,
                "application/json", null, List.of(new DeliveryAttempt(1, 1764150000200L, 12, 200, null, body)),
                1764150000212L);
    }

    public static DeliveryOutcome failed(Integer status, String error, int attempts) {
        WebhookTrigger t = trigger();
        List<DeliveryAttempt> list = new java.util.ArrayList<>();
        for (int i = 1; i <= attempts; i++) {
            list.add(new DeliveryAttempt(i, 1764150000200L + i, 5, status, error, null));
        }
        return new DeliveryOutcome(t.deliveryId(), t, DeliveryOutcome.FAILED, status, null, null, error, list,
                1764150009000L);
    }
}
