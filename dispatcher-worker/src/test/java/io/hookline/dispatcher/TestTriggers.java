package io.hookline.dispatcher;

import io.hookline.schemas.Ids;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;

/** Sample triggers for tests. */
public final class TestTriggers {

    private TestTriggers() {
    }

    public static WebhookPayload payload() {
        return new WebhookPayload("tok3n26charsxxxxxxxxxxxxxx", "teamid", "engineering", "channelid", "town-square",
                1764150000123L, "userid", "alice", "postid", "bug login fails & more", "bug", "f1,f2");
    }

    public static WebhookTrigger trigger(String url, String contentType, List<String> secrets) {
        return trigger("delivery1", "hook1", url, contentType, secrets);
    }

    /** A valid delivery id (26 chars of Mattermost's alphabet) named by a readable test name. */
    public static String id(String name) {
        return Ids.deterministic(name);
    }

    /** A trigger whose delivery id is {@code id(deliveryName)}. */
    public static WebhookTrigger trigger(String deliveryName, String hookId, String url, String contentType,
                                         List<String> secrets) {
        return new WebhookTrigger(id(deliveryName), hookId, url, contentType, secrets, "Bot", "creator", "", "", "",
                payload(), 1764150000500L);
    }
}
