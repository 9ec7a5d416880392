package io.hookline.schemas;

import io.hookline.schemas.command.CommandOrigin;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import java.util.Map;

/** Realistic sample records of every topic. */
final class Samples {

    static final String TEAM = "teamteamteamteamteamteam01";
    static final String CHANNEL = "chanchanchanchanchanchan01";
    static final String USER = "useruseruseruseruseruser01";
    static final String CREATOR = "creatorcreatorcreatorcre01";
    static final String HOOK = "hookhookhookhookhookhook01";
    static final String POST = "postpostpostpostpostpost01";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private Samples() {
    }

    static PostEvent postEvent() {
        return new PostEvent(
                new Post(POST, 1764150000000L, 1764150000000L, 0, 0, USER, CHANNEL, "", "bug login fails", "",
                        Map.of(), List.of("file1", "file2")),
                new Channel(CHANNEL, "town-square", "Town Square", "O", TEAM),
                new Team(TEAM, "engineering", "Engineering"),
                new User(USER, "alice"));
    }

    static OutgoingWebhook hook() {
        return new OutgoingWebhook(HOOK, "tokentokentokentokentoken1", 1764150000000L, 1764150000000L, 0, CREATOR,
                CHANNEL, TEAM, List.of("bug"), 0, List.of("https://ci.example.com/hook"), "Bug bot", "files bugs",
                "application/json", "bugbot", "", SECRET);
    }

    static WebhookTrigger trigger() {
        String delivery = WebhookTrigger.deliveryIdOf(POST, HOOK, "https://ci.example.com/hook");
        return new WebhookTrigger(delivery, HOOK, "https://ci.example.com/hook", "application/json",
                "Bug bot", CREATOR, "bugbot", "", "",
                new WebhookPayload("", TEAM, "engineering", CHANNEL, "town-square",
                        1764150000000L, USER, "alice", POST, "bug login fails", "bug", "file1,file2"),
                1764150000123L);
    }

    static DeliveryOutcome outcome() {
        WebhookTrigger t = trigger();
        return new DeliveryOutcome(t.deliveryId(), t, DeliveryOutcome.SUCCEEDED, 200, "{\"text\":\"ok\"}",
                "application/json", null, List.of(new DeliveryAttempt(1, 1764150000200L, 35, 200, null,
                "{\"text\":\"ok\"}")), 1764150000240L);
    }

    static ScheduledRetry retry() {
        return new ScheduledRetry(trigger(), List.of(new DeliveryAttempt(1, 1764150000200L, 12, 503, "HTTP 503", "")),
                1764150001200L);
    }

    static PostCommand command() {
        WebhookTrigger t = trigger();
        return new PostCommand(Ids.deterministic(t.deliveryId(), "part", "0"), PostCommand.CREATE_POST, null,
                new CommandPost(CHANNEL, "", CREATOR, "ok", "", Map.of("from_webhook", "true",
                        "webhook_display_name", "Bug bot"), null),
                new CommandOrigin(HOOK, POST, t.callbackUrl(), t.deliveryId()));
    }
}
