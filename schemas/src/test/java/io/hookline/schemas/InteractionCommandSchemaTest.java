package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.ActionResponse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Interaction commands and outcomes from the real factories, serialised as on the topic, against the schemas. */
class InteractionCommandSchemaTest {

    private static final String INTERACTION = Ids.deterministic("interaction");
    private static final String CLICKER = Ids.deterministic("clicker");
    private static final JsonSerde<PostCommand> COMMANDS = JsonSerde.of(PostCommand.class);
    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);

    private final JsonSchemas schemas = new JsonSchemas();

    private static ObjectNode onTopic(PostCommand command) throws Exception {
        return (ObjectNode) Json.mapper().readTree(COMMANDS.toBytes(command));
    }

    private List<String> problems(PostCommand command) throws Exception {
        return schemas.problems(JsonSchemas.POST_COMMAND, onTopic(command));
    }

    private static String id(String part) {
        return Ids.deterministic(INTERACTION, part);
    }

    static PostCommand updatePost() {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", Samples.POST);
        post.put("create_at", 1764150000000L);
        post.put("update_at", 1764150009000L);
        post.put("edit_at", 1764150009000L);
        post.put("user_id", Samples.CREATOR);
        post.put("channel_id", Samples.CHANNEL);
        post.put("root_id", "");
        post.put("message", "Pizza it is");
        post.put("type", "slack_attachment");
        post.put("props", Map.of("from_webhook", "true"));
        post.put("file_ids", List.of());
        return PostCommand.updatePost(id("update"), INTERACTION, post);
    }

    static PostCommand ephemeral() {
        return PostCommand.ephemeralPost(id("ephemeral"), INTERACTION, CLICKER, new CommandPost(Samples.CHANNEL,
                Samples.POST, CLICKER, "You voted for [poll 17](https://poll.example.com/17)", "",
                Map.of("from_webhook", "true"), null));
    }

    static PostCommand actionOk() {
        return PostCommand.actionResult(id("result"), INTERACTION, CLICKER, ActionResponse.ok(id("trigger")), null);
    }

    static PostCommand actionError() {
        return PostCommand.actionResult(id("result"), INTERACTION, CLICKER, null,
                AppError.actionIntegration("status=500"));
    }

    static PostCommand openDialog() {
        ObjectNode dialog = Json.mapper().createObjectNode();
        dialog.put("trigger_id", id("trigger"));
        dialog.put("url", "https://tickets.example.com/dialog");
        dialog.putObject("dialog").put("callback_id", "new-ticket").put("title", "New ticket");
        return PostCommand.openDialog(id("open"), INTERACTION, CLICKER, dialog);
    }

    static PostCommand dialogResult() {
        ObjectNode response = Json.mapper().createObjectNode();
        response.putObject("errors").put("summary", "Too short");
        return PostCommand.dialogResult(id("result"), INTERACTION, CLICKER, response, null);
    }

    static PostCommand dialogError() {
        return PostCommand.dialogResult(id("result"), INTERACTION, CLICKER, null, new AppError(
                "app.submit_interactive_dialog.decode_json_error",
                "Encountered an error decoding JSON response from interactive dialog submission.", "", 500));
    }

    static PostCommand lookupResult() throws Exception {
        return PostCommand.lookupResult(id("result"), INTERACTION, CLICKER,
                Json.mapper().readTree("{\"items\":[{\"text\":\"Label\",\"value\":\"v1\"}]}"), null);
    }

    static PostCommand emptyLookup() throws Exception {
        return PostCommand.lookupResult(id("result"), INTERACTION, CLICKER, Json.mapper().readTree("{\"items\":null}"),
                null);
    }

    @Test
    void everyInteractionCommandTypeValidates() throws Exception {
        for (PostCommand command : List.of(updatePost(), ephemeral(), actionOk(), actionError(), openDialog(),
                dialogResult(), dialogError(), lookupResult(), emptyLookup())) {
            assertThat(problems(command)).as("problems of %s", command.type()).isEmpty();
        }
    }

    @Test
    void anInteractionsEphemeralPostNeedsNoOriginButAWebhooksCreatePostDoes() throws Exception {
        assertThat(onTopic(ephemeral()).has("origin")).isFalse();
        assertThat(problems(ephemeral())).isEmpty();
        ObjectNode anonymous = onTopic(ephemeral());
        anonymous.remove("interaction_id");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, anonymous)).as("neither origin nor interaction_id")
                .isNotEmpty();
        ObjectNode noOrigin = Json.mapper().valueToTree(Samples.command());
        noOrigin.remove("origin");
        noOrigin.put("interaction_id", INTERACTION);
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, noOrigin)).isNotEmpty();
    }

    @Test
    void aResultCarriesExactlyOneOfItsAnswerAndAnError() throws Exception {
        ObjectNode both = onTopic(actionOk());
        both.set("error", Json.mapper().valueToTree(AppError.actionIntegration("x")));
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, both)).isNotEmpty();
        ObjectNode neither = onTopic(dialogResult());
        neither.remove("dialog_response");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, neither)).isNotEmpty();
        ObjectNode noUser = onTopic(lookupResult());
        noUser.remove("user_id");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, noUser)).isNotEmpty();
    }

    @Test
    void brokenInteractionCommandsAreRejected() throws Exception {
        ObjectNode update = onTopic(updatePost());
        update.remove("interaction_id");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, update)).isNotEmpty();
        ObjectNode noFiles = onTopic(updatePost());
        ((ObjectNode) noFiles.get("updated_post")).remove("file_ids");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, noFiles)).isNotEmpty();
        ObjectNode okStatus = onTopic(actionError());
        ((ObjectNode) okStatus.get("error")).put("status_code", 200);
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, okStatus)).isNotEmpty();
        ObjectNode notOk = onTopic(actionOk());
        ((ObjectNode) notOk.get("action_response")).put("status", "FAIL");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, notOk)).isNotEmpty();
        ObjectNode noDialog = onTopic(openDialog());
        noDialog.remove("dialog");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, noDialog)).isNotEmpty();
        ObjectNode badInteraction = onTopic(actionOk());
        badInteraction.put("interaction_id", "not-an-id");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, badInteraction)).isNotEmpty();
    }

    static DeliveryOutcome clickOutcome() {
        Map<String, Object> post = Map.of("id", Samples.POST, "channel_id", Samples.CHANNEL, "message", "Lunch?");
        InteractionEvent event = InteractionEvent.postAction(INTERACTION, Ids.deterministic("action"), "", post,
                new User(CLICKER, "alice"), new Channel(Samples.CHANNEL, "town-square", "Town Square", "O",
                        Samples.TEAM), new Team(Samples.TEAM, "engineering", "Engineering"));
        PostActionCookie action = new PostActionCookie("button", Samples.POST, Samples.POST, Samples.CHANNEL, "",
                new ActionIntegration("https://poll.example.com/vote", Map.of("choice", "pizza")),
                Map.of("from_webhook", "true"), List.of("override_username", "override_icon_url"));
        InteractionCall call = new InteractionCall(event, action, id("trigger"), null);
        return DeliveryOutcome.ofInteraction(call, DeliveryOutcome.SUCCEEDED, 200, "{}", "application/json", null,
                List.of(new DeliveryAttempt(1, 1764150000200L, 12, 200, null, "{}")), 1764150000212L);
    }

    @Test
    void anInteractionOutcomeHasNoTriggerAndValidates() throws Exception {
        JsonNode outcome = Json.mapper().readTree(OUTCOMES.toBytes(clickOutcome()));
        assertThat(outcome.has("trigger")).isFalse();
        assertThat(schemas.problems(JsonSchemas.DELIVERY_OUTCOME, outcome)).isEmpty();

        InteractionEvent event = clickOutcome().interaction().event();
        DeliveryOutcome refused = DeliveryOutcome.ofInteraction(new InteractionCall(event, null, "",
                new AppError("api.post.do_action.action_id.app_error", "Invalid action id.", "", 404)),
                DeliveryOutcome.FAILED, null, null, null, "refused: the action is not in the post", List.of(),
                1764150000212L);
        assertThat(schemas.problemsOf(JsonSchemas.DELIVERY_OUTCOME, refused)).isEmpty();

        ObjectNode both = (ObjectNode) outcome.deepCopy();
        both.set("trigger", Json.mapper().valueToTree(Samples.trigger()));
        assertThat(schemas.problems(JsonSchemas.DELIVERY_OUTCOME, both)).as("trigger and interaction").isNotEmpty();
        ObjectNode neither = (ObjectNode) outcome.deepCopy();
        neither.remove("interaction");
        assertThat(schemas.problems(JsonSchemas.DELIVERY_OUTCOME, neither)).as("neither").isNotEmpty();
        ObjectNode badType = (ObjectNode) outcome.deepCopy();
        ((ObjectNode) badType.get("interaction").get("event")).put("type", "dialog_cancellation");
        assertThat(schemas.problems(JsonSchemas.DELIVERY_OUTCOME, badType)).isNotEmpty();
    }
}
