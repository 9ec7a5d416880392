package io.hookline.matcher.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.matcher.index.HookMatch;
import io.hookline.matcher.testing.Hooks;
import io.hookline.matcher.testing.Posts;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerFactoryTest {

    private final OutgoingWebhook hook = Hooks.hook("a").words("bug").urls("http://127.0.0.1:1/a",
                    "https://127.0.0.1:2/b", "http://127.0.0.1:1/a").contentType("application/x-www-form-urlencoded")
            .displayName("Bug bot").username("bugbot").iconUrl("http://127.0.0.1/icon.png").secret(Hooks.SECRET)
            .build();
    private final PostEvent event = Posts.post("bug login fails").id("postidpostidpostidpostid12")
            .rootId("rootidrootidrootidrootid12").files("f1", "f2", "f3").createAt(1_764_150_000_123L)
            .teamName("engineering").channelName("town-square").username("alice").build();

    @Test
    void theTriggerCarriesTheReferencePayloadAndTheHooksIdentityButNoSecret() {
        List<WebhookTrigger> triggers = TriggerFactory.triggers(event, new HookMatch(hook, "bug"), 42L);
        WebhookTrigger first = triggers.get(0);
        assertThat(first.payload()).isEqualTo(new WebhookPayload("", Posts.TEAM, "engineering",
                Posts.CHANNEL, "town-square", 1_764_150_000_123L, Posts.USER, "alice", "postidpostidpostidpostid12",
                "bug login fails", "bug", "f1,f2,f3"));
        assertThat(first.hookId()).isEqualTo(hook.id());
        assertThat(first.callbackUrl()).isEqualTo("http://127.0.0.1:1/a");
        assertThat(first.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(first.hookDisplayName()).isEqualTo("Bug bot");
        assertThat(first.creatorId()).isEqualTo(hook.creatorId());
        assertThat(first.username()).isEqualTo("bugbot");
        assertThat(first.iconUrl()).isEqualTo("http://127.0.0.1/icon.png");
        assertThat(first.rootId()).isEqualTo("rootidrootidrootidrootid12");
        assertThat(first.triggeredAt()).isEqualTo(42L);
        assertThat(first.deliveryId()).isEqualTo(WebhookTrigger.deliveryIdOf("postidpostidpostidpostid12",
                hook.id(), "http://127.0.0.1:1/a"));
        assertThat(first.partitionKey()).isEqualTo(hook.id() + ":" + Posts.CHANNEL);
        String json = new String(io.hookline.schemas.serde.JsonSerde.of(WebhookTrigger.class).toBytes(first),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(Hooks.TOKEN).doesNotContain("whsec_");
    }

    @Test
    void oneTriggerPerDistinctCallbackUrlInTheHooksOrder() {
        List<WebhookTrigger> triggers = TriggerFactory.triggers(event, new HookMatch(hook, "bug"), 42L);
        assertThat(triggers).extracting(WebhookTrigger::callbackUrl)
                .containsExactly("http://127.0.0.1:1/a", "https://127.0.0.1:2/b");
        assertThat(triggers).extracting(WebhookTrigger::deliveryId).doesNotHaveDuplicates();
    }

    @Test
    void noFilesMeansAnEmptyString() {
        OutgoingWebhook plain = Hooks.hook("p").channel(Posts.CHANNEL).build();
        PostEvent bare = Posts.post("").build();
        WebhookTrigger trigger = TriggerFactory.triggers(bare, new HookMatch(plain, ""), 1L).get(0);
        assertThat(trigger.payload().fileIds()).isEmpty();
        assertThat(trigger.payload().triggerWord()).isEmpty();
        assertThat(trigger.rootId()).isEmpty();
        assertThat(trigger.threadRootId()).isEqualTo(bare.post().id());
    }
}
