package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    @Test
    void everyRecordTypeRoundTrips() {
        assertRoundTrip(PostEvent.class, Samples.postEvent());
        assertRoundTrip(OutgoingWebhook.class, Samples.hook());
        assertRoundTrip(WebhookTrigger.class, Samples.trigger());
        assertRoundTrip(DeliveryOutcome.class, Samples.outcome());
        assertRoundTrip(ScheduledRetry.class, Samples.retry());
        assertRoundTrip(PostCommand.class, Samples.command());
    }

    @Test
    void nullIsATombstoneBothWays() {
        JsonSerde<OutgoingWebhook> serde = JsonSerde.of(OutgoingWebhook.class);
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }

    @Test
    void writesSnakeCaseFieldsOfTheContract() throws Exception {
        var node = Json.mapper().readTree(JsonSerde.of(PostEvent.class).toBytes(Samples.postEvent()));
        assertThat(node.get("post").get("create_at").asLong()).isEqualTo(1764150000000L);
        assertThat(node.get("post").get("channel_id").asText()).isEqualTo(Samples.CHANNEL);
        assertThat(node.get("channel").get("team_id").asText()).isEqualTo(Samples.TEAM);
        var hook = Json.mapper().readTree(JsonSerde.of(OutgoingWebhook.class).toBytes(Samples.hook()));
        assertThat(hook.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "token", "create_at", "update_at",
                "delete_at", "creator_id", "channel_id", "team_id", "trigger_words", "trigger_when", "callback_urls",
                "display_name", "description", "content_type", "username", "icon_url", "signing_secret",
                "previous_signing_secret_expires_at");
    }

    @Test
    void ignoresUnknownFieldsAndFillsMissingOnes() {
        String json = "{\"post\":{\"id\":\"p\",\"channel_id\":\"c\",\"hashtags\":\"#x\",\"is_pinned\":false},"
                + "\"channel\":{\"id\":\"c\",\"type\":\"O\"},\"team\":{\"id\":\"t\"},\"user\":{\"id\":\"u\"},"
                + "\"extra\":[1,2]}";
        PostEvent event = JsonSerde.of(PostEvent.class).deserialize("posts", json.getBytes(StandardCharsets.UTF_8));
        assertThat(event.post().message()).isEmpty();
        assertThat(event.post().fileIds()).isEmpty();
        assertThat(event.post().props()).isEmpty();
        assertThat(event.post().rootId()).isEmpty();
        assertThat(event.problems()).isEmpty();
    }

    @Test
    void badBytesRaiseSerializationExceptionNamingTypeAndTopic() {
        JsonSerde<PostEvent> serde = JsonSerde.of(PostEvent.class);
        assertThatThrownBy(() -> serde.deserialize("posts", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("PostEvent").hasMessageContaining("posts");
        assertThatThrownBy(() -> serde.deserialize("posts", "null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize("posts", "{} {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize("posts", new byte[] {(byte) 0xff, (byte) 0xfe}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void wrongTypesAreErrorsNotCoercions() {
        JsonSerde<PostEvent> serde = JsonSerde.of(PostEvent.class);
        assertThatThrownBy(() -> serde.deserialize("posts",
                "{\"post\":{\"id\":\"p\",\"create_at\":\"yesterday\"}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("create_at");
        assertThatThrownBy(() -> serde.deserialize("posts",
                "{\"post\":{\"id\":\"p\",\"file_ids\":[1]}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("post.file_ids[0]");
        JsonSerde<OutgoingWebhook> hooks = JsonSerde.of(OutgoingWebhook.class);
        assertThatThrownBy(() -> hooks.deserialize("c", "{\"trigger_when\":\"1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("trigger_when");
        assertThatThrownBy(() -> hooks.deserialize("c", "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void redactedTriggerCarriesNoSecret() {
        WebhookTrigger redacted = Samples.trigger().redacted();
        String json = new String(JsonSerde.of(WebhookTrigger.class).toBytes(redacted), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("tokentoken").doesNotContain("whsec_");
        assertThat(redacted.payload().text()).isEqualTo("bug login fails");
        assertThat(Samples.hook().masked().toString()).doesNotContain("tokentoken").doesNotContain("MfKQ9r8");
    }

    @Test
    void redactedTriggerAndMaskedHookKeepCallbackUrlsWithoutTheirPassword() {
        String url = "https://relay:hunter2@hooks.example.com/in";
        WebhookTrigger t = Samples.trigger();
        WebhookTrigger withCredentials = new WebhookTrigger(t.deliveryId(), t.hookId(), url, t.contentType(),
                t.signingSecrets(), t.hookDisplayName(), t.creatorId(), t.username(), t.iconUrl(), t.rootId(),
                t.payload(), t.triggeredAt());
        WebhookTrigger redacted = withCredentials.redacted();
        assertThat(redacted.callbackUrl()).isEqualTo("https://relay:****@hooks.example.com/in");
        assertThat(redacted.deliveryId()).isEqualTo(t.deliveryId());
        OutgoingWebhook hook = Samples.hook().withCallbackUrls(List.of(url, "https://other.example.com/"));
        assertThat(hook.masked().callbackUrls()).containsExactly("https://relay:****@hooks.example.com/in",
                "https://other.example.com/");
        assertThat(hook.masked().toString()).doesNotContain("hunter2");
    }

    @Test
    void triggerKnowsItsKeyAndThread() {
        WebhookTrigger t = Samples.trigger();
        assertThat(t.partitionKey()).isEqualTo(Samples.HOOK + ":" + Samples.CHANNEL);
        assertThat(t.threadRootId()).isEqualTo(Samples.POST);
        assertThat(WebhookTrigger.deliveryIdOf("p", "h", "u")).isEqualTo(WebhookTrigger.deliveryIdOf("p", "h", "u"))
                .isNotEqualTo(WebhookTrigger.deliveryIdOf("p", "h", "u2"));
    }

    @Test
    void postEventProblemsNameWhatIsMissingOrInconsistent() {
        PostEvent ok = Samples.postEvent();
        assertThat(ok.problems()).isEmpty();
        assertThat(new PostEvent(null, ok.channel(), ok.team(), ok.user()).problems()).containsExactly(
                "post is missing");
        var otherChannel = new io.hookline.schemas.post.Channel("other", "x", "X", "O", Samples.TEAM);
        assertThat(new PostEvent(ok.post(), otherChannel, ok.team(), ok.user()).problems())
                .singleElement().asString().contains("differs from post.channel_id");
        assertThat(new PostEvent(ok.post(), null, null, null).problems()).containsAll(List.of("channel is missing",
                "team is missing", "user is missing"));
    }

    private static <T> void assertRoundTrip(Class<T> type, T value) {
        JsonSerde<T> serde = JsonSerde.of(type);
        assertThat(serde.deserialize("topic", serde.serialize("topic", value))).isEqualTo(value);
    }
}
