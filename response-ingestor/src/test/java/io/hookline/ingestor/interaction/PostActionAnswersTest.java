package io.hookline.ingestor.interaction;

import static io.hookline.ingestor.testing.Interactions.CLICKED_POST_ID;
import static io.hookline.ingestor.testing.Interactions.CLICKER_ID;
import static io.hookline.ingestor.testing.Interactions.CLIENT_TRIGGER_ID;
import static io.hookline.ingestor.testing.Interactions.EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.outcome.Handling;
import io.hookline.ingestor.post.EphemeralPosts;
import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.ingestor.testing.Interactions;
import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.ActionResponse;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.InteractionCall;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.post.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the outcome of a click becomes: the commands, their order, ids and key, and every error answer. */
class PostActionAnswersTest {

    private static final String RESULT_ID = InteractionHandler.commandId(EVENT_ID, "result");

    private final InteractionHandler handler = new InteractionHandler(
            new EphemeralPosts(new ActionCookies(IntegrationSecrets.generate())));

    private List<PostCommand> commands(DeliveryOutcome outcome) {
        Handling handling = handler.handle(outcome);
        assertThat(handling).isInstanceOf(Handling.Publish.class);
        Handling.Publish publish = (Handling.Publish) handling;
        assertThat(publish.key()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(publish.removed()).isEmpty();
        CommandSchema.assertAllValid(publish.commands());
        return publish.commands();
    }

    /** The one command of an error answer, checked to be the clicker's action_result. */
    private AppError errorOf(DeliveryOutcome outcome) {
        List<PostCommand> commands = commands(outcome);
        assertThat(commands).hasSize(1);
        PostCommand result = commands.get(0);
        assertThat(result.type()).isEqualTo(PostCommand.ACTION_RESULT);
        assertThat(result.id()).isEqualTo(RESULT_ID);
        assertThat(result.userId()).isEqualTo(CLICKER_ID);
        assertThat(result.interactionId()).isEqualTo(EVENT_ID);
        assertThat(result.actionResponse()).isNull();
        return result.error();
    }

    private static void assertOk(PostCommand command) {
        assertThat(command.type()).isEqualTo(PostCommand.ACTION_RESULT);
        assertThat(command.id()).isEqualTo(RESULT_ID);
        assertThat(command.userId()).isEqualTo(CLICKER_ID);
        assertThat(command.actionResponse()).isEqualTo(ActionResponse.ok(CLIENT_TRIGGER_ID));
        assertThat(command.error()).isNull();
    }

    @Test
    void anEmptyBodyOnlyAnswersTheClicker() {
        for (String body : new String[] {null, "", "{}", "null", "{\"goto_location\": \"x\", \"error\": {\"message\": "
                + "\"shown by newer docs only\"}}"}) {
            List<PostCommand> commands = commands(Interactions.answered(body));
            assertThat(commands).as("body %s", body).hasSize(1);
            assertOk(commands.get(0));
        }
    }

    @Test
    void updateThenEphemeralThenResultInThatOrder() {
        List<PostCommand> commands = commands(Interactions.answered("{\"update\": {\"message\": \"Pizza it is\"}, "
                + "\"ephemeral_text\": \"You voted for <https://poll.example.com/17|poll 17>\"}"));
        assertThat(commands).extracting(PostCommand::type).containsExactly(PostCommand.UPDATE_POST,
                PostCommand.EPHEMERAL_POST, PostCommand.ACTION_RESULT);
        assertThat(commands).extracting(PostCommand::id).containsExactly(
                InteractionHandler.commandId(EVENT_ID, "update"), InteractionHandler.commandId(EVENT_ID, "ephemeral"),
                RESULT_ID);
        assertThat(commands).extracting(PostCommand::interactionId).containsOnly(EVENT_ID);
        PostCommand update = commands.get(0);
        assertThat(update.updatedPost()).containsEntry("id", CLICKED_POST_ID).containsEntry("message", "Pizza it is")
                .containsEntry("edit_at", Interactions.COMPLETED_AT);
        assertThat(update.userId()).isNull();
        assertOk(commands.get(2));
    }

    @Test
    void theEphemeralTextIsTheClickersReplyInTheThreadWithTheRetainedPropsAndMarkdownLinks() {
        PostCommand ephemeral = commands(Interactions.answered("{\"ephemeral_text\": \"You voted for "
                + "<https://poll.example.com/17|poll 17> <!channel>\"}")).get(0);
        assertThat(ephemeral.type()).isEqualTo(PostCommand.EPHEMERAL_POST);
        assertThat(ephemeral.userId()).isEqualTo(CLICKER_ID);
        assertThat(ephemeral.origin()).isNull();
        assertThat(ephemeral.post().message()).as("links only: announcements are not expanded here")
                .isEqualTo("You voted for [poll 17](https://poll.example.com/17) <!channel>");
        assertThat(ephemeral.post().channelId()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(ephemeral.post().rootId()).isEqualTo(CLICKED_POST_ID);
        assertThat(ephemeral.post().userId()).isEqualTo(CLICKER_ID);
        assertThat(ephemeral.post().type()).isEmpty();
        assertThat(ephemeral.post().props()).isEqualTo(Map.of("from_webhook", "true", "override_username",
                "pollbot"));
    }

    @Test
    void skipSlackParsingShowsTheTextAsSent() {
        PostCommand ephemeral = commands(Interactions.answered("{\"ephemeral_text\": \"<https://x.example|x>\", "
                + "\"skip_slack_parsing\": true}")).get(0);
        assertThat(ephemeral.post().message()).isEqualTo("<https://x.example|x>");
    }

    @Test
    void theEphemeralOfAReplyGoesToItsThreadRoot() {
        String root = Ids.of("thread-root");
        PostActionCookie reply = new PostActionCookie("button", CLICKED_POST_ID, root, Fixtures.CHANNEL_ID, "",
                Interactions.resolvedAction().integration(), Map.of(), List.of("from_webhook", "override_username",
                "override_icon_url"));
        DeliveryOutcome outcome = Interactions.outcome(new InteractionCall(Interactions.click(
                Interactions.storedPost()), reply, CLIENT_TRIGGER_ID, null), DeliveryOutcome.SUCCEEDED, 200,
                "{\"ephemeral_text\": \"done\"}", null);
        PostCommand ephemeral = commands(outcome).get(0);
        assertThat(ephemeral.post().rootId()).isEqualTo(root);
        assertThat(ephemeral.post().props()).isEmpty();
    }

    @Test
    void aRefusedClickGetsItsRefusalAlone() {
        AppError refusal = new AppError("api.post.do_action.action_id.app_error", "Invalid action id.", "", 404);
        assertThat(errorOf(Interactions.refused(Interactions.click(Interactions.storedPost()), refusal)))
                .isEqualTo(refusal);
    }

    @Test
    void aFailedCallIsAnActionIntegrationError() {
        InteractionEvent click = Interactions.click(Interactions.storedPost());
        assertThat(errorOf(Interactions.failed(click, 500, "HTTP 500"))).isEqualTo(new AppError(
                "api.post.do_action.action_integration.app_error", "Action integration error.", "status=500", 400));
        assertThat(errorOf(Interactions.failed(click, 201, "HTTP 201"))).isEqualTo(
                AppError.actionIntegration("status=201"));
        assertThat(errorOf(Interactions.failed(click, null, "connect timed out")))
                .isEqualTo(AppError.actionIntegration("connect timed out"));
        String ssrf = "address forbidden, you may need to set AllowedUntrustedInternalConnections to allow an "
                + "integration access to your internal network";
        assertThat(errorOf(Interactions.failed(click, null, ssrf))).isEqualTo(AppError.actionIntegration(ssrf));
        assertThat(errorOf(Interactions.failed(click, 200, "response too large: more than 1048576 bytes")))
                .isEqualTo(AppError.actionIntegration("response too large: more than 1048576 bytes"));
    }

    @Test
    void aSucceededOutcomeWithAnotherStatusThan200IsStillAFailure() {
        DeliveryOutcome created = Interactions.outcome(new InteractionCall(Interactions.click(
                Interactions.storedPost()), Interactions.resolvedAction(), CLIENT_TRIGGER_ID, null),
                DeliveryOutcome.SUCCEEDED, 204, "", null);
        assertThat(errorOf(created)).isEqualTo(AppError.actionIntegration("status=204"));
    }

    @Test
    void anAnswerMattermostCannotDecodeIsAnActionIntegrationError() {
        Map<String, String> cases = Map.of(
                "{\"ephemeral_text\": 5}", "ephemeral_text must be a string, got a number",
                "{\"update\": {\"message\": true}}", "update.message must be a string, got a boolean",
                "{\"update\": {\"props\": []}}", "update.props must be an object, got an array",
                "{\"update\": {\"create_at\": 1.5}}", "update.create_at must be a whole number, got a number",
                "{\"skip_slack_parsing\": \"true\"}", "skip_slack_parsing must be true or false, got a string",
                "[]", "the response body must be a JSON object, got an array",
                "{\"ephemeral_text\": \"x\"", "the response body is not valid JSON",
                "{} {}", "something follows its first value",
                "  ", "it holds only whitespace");
        cases.forEach((body, detail) -> {
            AppError error = errorOf(Interactions.answered(body));
            assertThat(error.id()).as(body).isEqualTo("api.post.do_action.action_integration.app_error");
            assertThat(error.message()).isEqualTo("Action integration error.");
            assertThat(error.statusCode()).isEqualTo(400);
            assertThat(error.detailedError()).as(body).contains(detail);
        });
    }

    @Test
    void anUpdateOfAnEphemeralPostIsNotFoundAndSendsNoEphemeral() {
        AppError error = errorOf(Interactions.answered(Interactions.clickOnEphemeral(),
                "{\"update\": {\"message\": \"x\"}, \"ephemeral_text\": \"hello\"}"));
        assertThat(error.id()).isEqualTo("app.post.get.app_error");
        assertThat(error.message()).isEqualTo("Unable to get the post.");
        assertThat(error.statusCode()).isEqualTo(404);
    }

    @Test
    void anEphemeralPostsClickMayStillAnswerWithEphemeralText() {
        List<PostCommand> commands = commands(Interactions.answered(Interactions.clickOnEphemeral(),
                "{\"ephemeral_text\": \"hello\"}"));
        assertThat(commands).extracting(PostCommand::type).containsExactly(PostCommand.EPHEMERAL_POST,
                PostCommand.ACTION_RESULT);
    }

    @Test
    void aRefusedUpdateSendsNeitherTheUpdateNorTheEphemeral() {
        AppError error = errorOf(Interactions.answered("{\"update\": {\"message\": \"" + "x".repeat(16384)
                + "\"}, \"ephemeral_text\": \"hello\"}"));
        assertThat(error.id()).isEqualTo("model.post.is_valid.message_length.app_error");
        assertThat(error.statusCode()).isEqualTo(400);
    }

    @Test
    void theSameOutcomeGivesTheSameCommands() {
        DeliveryOutcome outcome = Interactions.answered("{\"update\": {\"props\": {\"attachments\": [{\"actions\": "
                + "[{\"name\": \"Again\", \"type\": \"button\"}]}]}}, \"ephemeral_text\": \"ok\"}");
        assertThat(handler.handle(outcome)).isEqualTo(handler.handle(outcome));
    }

    @Test
    void anUnusableOutcomeIsRejected() {
        InteractionEvent click = Interactions.click(Interactions.storedPost());
        InteractionEvent anonymous = InteractionEvent.postAction(EVENT_ID, Interactions.ACTION_ID, "",
                Interactions.storedPost(), new User("", ""), Interactions.channel(), Interactions.team());
        assertThat(handler.handle(Interactions.answered(anonymous, "{}"))).isInstanceOf(Handling.Reject.class);
        DeliveryOutcome unresolved = Interactions.outcome(new InteractionCall(click, null, CLIENT_TRIGGER_ID, null),
                DeliveryOutcome.SUCCEEDED, 200, "{}", null);
        assertThat(((Handling.Reject) handler.handle(unresolved)).reason()).contains("interaction.action");
        DeliveryOutcome o = Interactions.answered("{}");
        DeliveryOutcome otherId = new DeliveryOutcome(Ids.of("other"), null, o.status(), o.httpStatus(),
                o.responseBody(), o.responseContentType(), o.error(), o.attempts(), o.completedAt(), false,
                o.interaction());
        assertThat(((Handling.Reject) handler.handle(otherId)).reason()).contains("is not the interaction's id");
    }

    @Test
    void aHostileUpdateIsStoredWithoutWhatBreaksTheRulesAndTheRemovalsTravelWithTheAnswer() {
        // given a click answered with an update carrying a javascript: link, a bad colour and an action without
        // integration, and ephemeral text with a Slack link
        Handling handling = handler.handle(Interactions.answered("{\"update\": {\"message\": \"Voted\", \"props\": "
                + "{\"attachments\": [{\"title\": \"Poll\", \"title_link\": \"javascript:alert(1)\", \"color\": "
                + "\"#12345\", \"actions\": [{\"type\": \"button\", \"name\": \"Lost\"}]}]}}, "
                + "\"ephemeral_text\": \"See <https://poll.example.com/17|poll 17> <!channel>\"}"));

        // then the update, the ephemeral and the result are all published, the update without them
        Handling.Publish publish = (Handling.Publish) handling;
        List<PostCommand> commands = publish.commands();
        CommandSchema.assertAllValid(commands);
        assertThat(commands).extracting(PostCommand::type).containsExactly(PostCommand.UPDATE_POST,
                PostCommand.EPHEMERAL_POST, PostCommand.ACTION_RESULT);
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) commands.get(0).updatedPost().get("props");
        assertThat(props.get("attachments")).isEqualTo(List.of(Map.of("title", "Poll")));
        assertThat(publish.removed()).containsExactly(
                "update.props.attachments[0].color '#12345' is not good, warning, danger or #RRGGBB",
                "update.props.attachments[0].title_link is not an http(s) URL",
                "update.props.attachments[0].actions[0] removed: it has no integration");
        // and the ephemeral text is what it always was: links made Markdown, nothing else touched
        assertThat(commands.get(1).post().message())
                .isEqualTo("See [poll 17](https://poll.example.com/17) <!channel>");
        assertThat(commands.get(1).post().props()).isEqualTo(Map.of("from_webhook", "true", "override_username",
                "pollbot"));
        assertOk(commands.get(2));
    }

    @Test
    void anUpdateTooLargeForAPostCommandIsAnsweredWithInvalidPropsAndNothingElse() {
        // given an update within Mattermost's 800000-rune props limit but over the 1000000-byte command limit
        AppError error = errorOf(Interactions.answered("{\"update\": {\"message\": \"m\", \"props\": {\"big\": \""
                + "é".repeat(600000) + "\"}}, \"ephemeral_text\": \"hello\"}"));

        // then the clicker gets Mattermost's error for a post it cannot save, and no update and no ephemeral go out
        assertThat(error.id()).isEqualTo("model.post.is_valid.props.app_error");
        assertThat(error.message()).isEqualTo("Invalid props.");
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.detailedError()).startsWith("id=" + CLICKED_POST_ID + ": the updated post would be ")
                .contains("more than the 1000000");
    }

    @Test
    void anUpdateJustUnderTheCommandLimitIsPublished() {
        List<PostCommand> commands = commands(Interactions.answered("{\"update\": {\"props\": {\"big\": \""
                + "x".repeat(790000) + "\"}}}"));
        assertThat(commands).extracting(PostCommand::type).containsExactly(PostCommand.UPDATE_POST,
                PostCommand.ACTION_RESULT);
    }

    /** Readable ids for this test. */
    private static final class Ids {
        static String of(String name) {
            return io.hookline.schemas.Ids.deterministic(name);
        }
    }
}
