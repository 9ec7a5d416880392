package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.InteractionCall;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSchemas;
import io.hookline.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interactions topic's value (its JSON Schema, its round trip through the topic's serde) and the outcome of its
 * call on webhook-responses.
 */
class InteractionEventSchemaTest {

    private static final JsonSchemas SCHEMAS = new JsonSchemas();
    private static final JsonSerde<InteractionEvent> SERDE = JsonSerde.of(InteractionEvent.class);

    private static final User USER = new User(Ids.deterministic("user"), "alice");
    private static final Channel CHANNEL = new Channel(Ids.deterministic("channel"), "ops", "Ops", Channel.OPEN,
            Ids.deterministic("team"));
    private static final Team TEAM = new Team(Ids.deterministic("team"), "acme", "Acme");

    static InteractionEvent click() {
        Map<String, Object> integration = new LinkedHashMap<>();
        integration.put("url", "https://poll.example.com/vote");
        integration.put("context", new LinkedHashMap<>(Map.of("poll", 17, "ratio", 0.5, "choice", "pizza")));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", "k3s9q7d1pjfwbx4yt8hz6mcn5e");
        action.put("type", "button");
        action.put("name", "Pizza");
        action.put("integration", integration);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("attachments", List.of(new LinkedHashMap<>(Map.of("text", "Lunch?", "actions", List.of(action)))));
        props.put("from_webhook", "true");
        props.put("override_icon_url", null);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", Ids.deterministic("post"));
        post.put("channel_id", CHANNEL.id());
        post.put("root_id", "");
        post.put("type", "slack_attachment");
        post.put("props", props);
        return InteractionEvent.postAction(Ids.deterministic("click"), "k3s9q7d1pjfwbx4yt8hz6mcn5e", "", post, USER,
                CHANNEL, TEAM);
    }

    static InteractionEvent cookieClick() {
        return InteractionEvent.postActionWithCookie(Ids.deterministic("cookie-click"), "pickplace", "opt2",
                "bm9uY2UxMjM0NTY3ODkwY2lwaGVydGV4dA==", USER, CHANNEL, TEAM);
    }

    static InteractionEvent submission() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("summary", "Disk full on db-3");
        values.put("urgent", true);
        values.put("tags", List.of("db", "disk"));
        values.put("untouched", null);
        values.put("nested", new LinkedHashMap<>(java.util.Collections.singletonMap("inner", null)));
        return InteractionEvent.dialogSubmission(Ids.deterministic("submit"), "https://tickets.example.com/submit",
                "new-ticket", "{\"src\":\"INC-42\"}", values, false, "", USER, CHANNEL, TEAM);
    }

    static InteractionEvent lookup() {
        return InteractionEvent.dialogLookup(Ids.deterministic("lookup"), "https://tickets.example.com/hosts",
                "new-ticket", "", new LinkedHashMap<>(Map.of("query", "db", "selected_field", "host")), USER,
                new Channel(Ids.deterministic("dm"), "a__b", "", Channel.DIRECT, ""), null);
    }

    private static List<InteractionEvent> samples() {
        return List.of(click(), cookieClick(), submission(), lookup(),
                InteractionEvent.dialogSubmission(Ids.deterministic("refresh"), "https://x.example/src", "cb", "",
                        Map.of("selected_field", "sev"), false, InteractionEvent.REFRESH, USER, CHANNEL, TEAM),
                InteractionEvent.dialogSubmission(Ids.deterministic("cancel"), "https://x.example/", "cb", "",
                        Map.of(), true, "", USER, CHANNEL, TEAM));
    }

    @Test
    void sampleEventsOfEachTypeValidate() {
        for (InteractionEvent e : samples()) {
            assertThat(SCHEMAS.problemsOf(JsonSchemas.INTERACTION_EVENT, e)).as(e.id()).isEmpty();
        }
    }

    @Test
    void eventsRoundTripThroughTheTopicsSerde() {
        for (InteractionEvent e : samples()) {
            byte[] bytes = SERDE.toBytes(e);
            assertThat(SERDE.fromBytes(bytes)).as(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(e);
        }
        // nulls inside the post and the submission are data: a retained prop, an untouched dialog field
        assertThat(new String(SERDE.toBytes(submission()), StandardCharsets.UTF_8))
                .contains("\"untouched\":null").contains("\"nested\":{\"inner\":null}");
        assertThat(new String(SERDE.toBytes(click()), StandardCharsets.UTF_8)).contains("\"override_icon_url\":null");
        // a chat server's JSON with fields Hookline does not model still reads
        String json = "{\"type\":\"dialog_lookup\",\"id\":\"" + Ids.deterministic("x") + "\",\"url\":\"u\","
                + "\"user\":{\"id\":\"" + USER.id() + "\",\"roles\":\"system_user\"},\"channel\":{\"id\":\""
                + CHANNEL.id() + "\"},\"extra\":1}";
        InteractionEvent read = SERDE.fromBytes(json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.isDialogLookup()).isTrue();
        assertThat(read.submission()).isNull();
        assertThat(read.team()).isNull();
        assertThat(read.selectedOption()).isEmpty();
    }

    @Test
    void theOutcomeOfAnInteractionIsAValidDeliveryOutcome() {
        InteractionEvent click = click();
        PostActionCookie action = new PostActionCookie("button", Ids.deterministic("post"), Ids.deterministic("post"),
                CHANNEL.id(), "", new ActionIntegration("https://poll.example.com/vote", Map.of("poll", 17)),
                Map.of("from_webhook", "true"), List.of("override_username", "override_icon_url"));
        DeliveryOutcome called = DeliveryOutcome.ofInteraction(new InteractionCall(click, action,
                        Ids.deterministic(click.id(), "trigger"), null), DeliveryOutcome.SUCCEEDED, 200,
                "{\"ephemeral_text\":\"ok\"}", "application/json", null,
                List.of(new DeliveryAttempt(1, 1764150000000L, 12, 200, null, "{\"ephemeral_text\":\"ok\"}")),
                1764150000012L);
        assertThat(SCHEMAS.problemsOf(JsonSchemas.DELIVERY_OUTCOME, called)).isEmpty();
        DeliveryOutcome refused = DeliveryOutcome.ofInteraction(new InteractionCall(click, null, "",
                        new AppError("api.post.do_action.action_id.app_error", "Invalid action id.", "", 404)),
                DeliveryOutcome.FAILED, null, null, null, "refused without a call", List.of(), 1764150000012L);
        assertThat(SCHEMAS.problemsOf(JsonSchemas.DELIVERY_OUTCOME, refused)).isEmpty();
        DeliveryOutcome dialog = DeliveryOutcome.ofInteraction(new InteractionCall(submission(), null, "", null),
                DeliveryOutcome.FAILED, 500, null, null, "HTTP 500",
                List.of(new DeliveryAttempt(1, 1764150000000L, 12, 500, "HTTP 500", "boom")), 1764150000012L);
        assertThat(SCHEMAS.problemsOf(JsonSchemas.DELIVERY_OUTCOME, dialog)).isEmpty();

        ObjectNode refusedButSucceeded = Json.mapper().valueToTree(refused);
        refusedButSucceeded.put("status", DeliveryOutcome.SUCCEEDED);
        assertThat(SCHEMAS.problems(JsonSchemas.DELIVERY_OUTCOME, refusedButSucceeded)).isNotEmpty();
        ObjectNode both = Json.mapper().valueToTree(called);
        both.set("trigger", Json.mapper().valueToTree(Samples.trigger()));
        assertThat(SCHEMAS.problems(JsonSchemas.DELIVERY_OUTCOME, both)).isNotEmpty();
        ObjectNode neither = Json.mapper().valueToTree(called);
        neither.remove("interaction");
        assertThat(SCHEMAS.problems(JsonSchemas.DELIVERY_OUTCOME, neither)).isNotEmpty();
        ObjectNode brokenEvent = Json.mapper().valueToTree(called);
        ((ObjectNode) brokenEvent.get("interaction").get("event")).remove("user");
        assertThat(SCHEMAS.problems(JsonSchemas.DELIVERY_OUTCOME, brokenEvent)).isNotEmpty();
    }

    private static ObjectNode tree(InteractionEvent e) {
        return Json.mapper().valueToTree(e);
    }

    private static List<String> problems(ObjectNode node) {
        return SCHEMAS.problems(JsonSchemas.INTERACTION_EVENT, node);
    }

    @Test
    void brokenEventsAreRejected() {
        ObjectNode unknownType = tree(click());
        unknownType.put("type", "dialog_cancellation");
        assertThat(problems(unknownType)).isNotEmpty();

        ObjectNode badId = tree(click());
        badId.put("id", "not-an-id");
        assertThat(problems(badId)).isNotEmpty();

        ObjectNode noUser = tree(submission());
        noUser.remove("user");
        assertThat(problems(noUser)).isNotEmpty();

        ObjectNode noChannelId = tree(submission());
        ((ObjectNode) noChannelId.get("channel")).remove("id");
        assertThat(problems(noChannelId)).isNotEmpty();

        ObjectNode neitherPostNorCookie = tree(click());
        neitherPostNorCookie.remove("post");
        assertThat(problems(neitherPostNorCookie)).isNotEmpty();
        neitherPostNorCookie.put("cookie", "");
        assertThat(problems(neitherPostNorCookie)).isNotEmpty();

        ObjectNode postWithoutId = tree(click());
        ((ObjectNode) postWithoutId.get("post")).remove("id");
        assertThat(problems(postWithoutId)).isNotEmpty();

        ObjectNode noActionId = tree(cookieClick());
        noActionId.remove("action_id");
        assertThat(problems(noActionId)).isNotEmpty();

        ObjectNode noUrl = tree(lookup());
        noUrl.remove("url");
        assertThat(problems(noUrl)).isNotEmpty();

        ObjectNode listSubmission = tree(submission());
        listSubmission.putArray("submission").add("x");
        assertThat(problems(listSubmission)).isNotEmpty();

        ObjectNode otherSubmissionType = tree(submission());
        otherSubmissionType.put("submission_type", "cancel");
        assertThat(problems(otherSubmissionType)).isNotEmpty();

        ObjectNode textCancelled = tree(submission());
        textCancelled.put("cancelled", "false");
        assertThat(problems(textCancelled)).isNotEmpty();
    }
}
