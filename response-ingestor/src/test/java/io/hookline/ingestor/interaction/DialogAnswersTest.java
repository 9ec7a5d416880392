package io.hookline.ingestor.interaction;

import static io.hookline.ingestor.testing.Interactions.CLICKER_ID;
import static io.hookline.ingestor.testing.Interactions.EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.outcome.Handling;
import io.hookline.ingestor.post.EphemeralPosts;
import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.ingestor.testing.Interactions;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.dialog.DialogJson;
import io.hookline.schemas.dialog.DialogValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the outcome of a dialog submission or lookup becomes: one answer, with Mattermost's ids, texts and statuses. */
class DialogAnswersTest {

    private static final String DECODE_SUBMIT = "app.submit_interactive_dialog.decode_json_error";
    private static final String DECODE_LOOKUP = "app.lookup_interactive_dialog.decode_json_error";

    private final InteractionHandler handler = new InteractionHandler(EphemeralPosts.withoutCookies());

    private PostCommand answer(DeliveryOutcome outcome, String type) {
        Handling.Publish publish = (Handling.Publish) handler.handle(outcome);
        assertThat(publish.key()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(publish.commands()).hasSize(1);
        PostCommand command = publish.commands().get(0);
        assertThat(command.type()).isEqualTo(type);
        assertThat(command.id()).isEqualTo(InteractionHandler.commandId(EVENT_ID, "result"));
        assertThat(command.interactionId()).isEqualTo(EVENT_ID);
        assertThat(command.userId()).isEqualTo(CLICKER_ID);
        CommandSchema.assertValid(command);
        return command;
    }

    private String submitted(String body) {
        PostCommand command = answer(Interactions.dialogAnswered(Interactions.submission(), 200, body),
                PostCommand.DIALOG_RESULT);
        assertThat(command.error()).as("error for %s", body).isNull();
        return command.dialogResponse().toString();
    }

    private AppError submitError(DeliveryOutcome outcome) {
        PostCommand command = answer(outcome, PostCommand.DIALOG_RESULT);
        assertThat(command.dialogResponse()).isNull();
        return command.error();
    }

    private AppError submitError(String body) {
        return submitError(Interactions.dialogAnswered(Interactions.submission(), 200, body));
    }

    @Test
    void anEmptyBodyClosesTheDialog() {
        assertThat(submitted("")).isEqualTo("{}");
        assertThat(submitted(null)).isEqualTo("{}");
        assertThat(submitted("{}")).isEqualTo("{}");
    }

    @Test
    void theAnswerIsReserialisedWithoutUnknownOrEmptyKeys() {
        assertThat(submitted("{\"errors\": {\"summary\": \"Too short\"}, \"error\": \"\", \"goto\": 1}"))
                .isEqualTo("{\"errors\":{\"summary\":\"Too short\"}}");
        assertThat(submitted("{\"type\": \"ok\"}")).isEqualTo("{\"type\":\"ok\"}");
        assertThat(submitted("{\"error\": \"Ticket system is down\", \"type\": \"bogus\"}"))
                .as("an error makes any answer valid").isEqualTo("{\"error\":\"Ticket system is down\","
                        + "\"type\":\"bogus\"}");
    }

    @Test
    void aNextFormIsPassedOnEvenWhenInvalid() throws Exception {
        String body = "{\"type\": \"form\", \"form\": {\"callback_id\": \"c\", \"title\": \"\", "
                + "\"elements\": [{\"name\": \"sev\", \"type\": \"nope\"}]}}";
        assertThat(DialogValidator.responseProblem(DialogJson.decodeSubmitResponse(body.getBytes(
                StandardCharsets.UTF_8)))).as("the form is invalid, log-only").hasValueSatisfying(
                        p -> assertThat(p.logOnly()).isTrue());
        String response = submitted(body);
        assertThat(response).startsWith("{\"type\":\"form\",\"form\":{\"callback_id\":\"c\",\"title\":\"\"");
    }

    @Test
    void anAnswerIsValidFailsWithInvalidResponse() {
        AppError wrongForm = submitError("{\"type\": \"ok\", \"form\": {\"title\": \"t\"}}");
        assertThat(wrongForm).isEqualTo(new AppError("app.submit_interactive_dialog.invalid_response",
                "Encountered an invalid response from interactive dialog submission.",
                "form field must be nil for type \"ok\"", 400));
        assertThat(submitError("{\"type\": \"form\"}").detailedError())
                .isEqualTo("form field is required for form type");
        assertThat(submitError("{\"type\": \"bogus\"}").detailedError())
                .isEqualTo("invalid type \"bogus\", must be one of: empty, ok, form, navigate");
    }

    @Test
    void aBodyGoCannotDecodeIsADecodeError() {
        for (String body : List.of("{", "  ", "{} x", "[]", "{\"error\": 1}", "{\"errors\": {\"a\": 1}}")) {
            AppError error = submitError(body);
            assertThat(error.id()).as(body).isEqualTo(DECODE_SUBMIT);
            assertThat(error.message()).isEqualTo(
                    "Encountered an error decoding JSON response from interactive dialog submission.");
            assertThat(error.statusCode()).isEqualTo(500);
        }
    }

    @Test
    void aFailedCallIsAnActionIntegrationError() {
        assertThat(submitError(Interactions.dialogAnswered(Interactions.submission(), 500, "{}")))
                .isEqualTo(AppError.actionIntegration("status=500"));
        assertThat(submitError(Interactions.dialogFailed(Interactions.submission(), null, "connection refused")))
                .isEqualTo(AppError.actionIntegration("connection refused"));
    }

    @Test
    void aDialogRefusedBeforeAnyCallAnswersItsRefusal() {
        AppError emptyUrl = new AppError("api.context.invalid_body_param.app_error",
                "Invalid or missing url in request body.", "", 400);
        assertThat(submitError(Interactions.refused(Interactions.submission(), emptyUrl))).isEqualTo(emptyUrl);
        AppError marshal = new AppError("app.lookup_interactive_dialog.json_error",
                "Encountered an error processing JSON response from interactive dialog lookup.", "", 400);
        PostCommand lookup = answer(Interactions.refused(Interactions.submission(), marshal), PostCommand.DIALOG_RESULT);
        assertThat(lookup.error()).isEqualTo(marshal);
    }

    @Test
    void aBodyOverTheLimitIsCutJsonAndABrokenReadIsAReadError() {
        AppError tooLarge = submitError(Interactions.dialogFailed(Interactions.submission(), 200,
                "response too large: no complete JSON value in its first 1048576 bytes"));
        assertThat(tooLarge.id()).isEqualTo(DECODE_SUBMIT);
        assertThat(tooLarge.statusCode()).isEqualTo(500);
        AppError reset = submitError(Interactions.dialogFailed(Interactions.submission(), 200,
                "connection reset while reading the body"));
        assertThat(reset).isEqualTo(new AppError("app.submit_interactive_dialog.read_body_error",
                "Encountered an error reading response body from interactive dialog submission.",
                "connection reset while reading the body", 500));
    }

    private PostCommand looked(DeliveryOutcome outcome) {
        return answer(outcome, PostCommand.LOOKUP_RESULT);
    }

    @Test
    void aLookupAnswersItsItemsOrNull() {
        assertThat(looked(Interactions.dialogAnswered(Interactions.lookup(), 200, "")).lookupResponse().toString())
                .isEqualTo("{\"items\":null}");
        assertThat(looked(Interactions.dialogAnswered(Interactions.lookup(), 200, "{\"options\": [{\"text\": \"A\", "
                + "\"value\": \"a\"}]}")).lookupResponse().toString()).as("items, not options")
                .isEqualTo("{\"items\":null}");
        assertThat(looked(Interactions.dialogAnswered(Interactions.lookup(), 200, "{\"items\": [{\"text\": \"Alice\","
                + " \"value\": \"u1\", \"extra\": 1}, {\"value\": \"u2\"}]}")).lookupResponse().toString())
                .isEqualTo("{\"items\":[{\"text\":\"Alice\",\"value\":\"u1\"},{\"text\":\"\",\"value\":\"u2\"}]}");
    }

    @Test
    void aLookupsErrorsAreItsOwn() {
        PostCommand bad = looked(Interactions.dialogAnswered(Interactions.lookup(), 200, "{\"items\": {}}"));
        assertThat(bad.lookupResponse()).isNull();
        assertThat(bad.error().id()).isEqualTo(DECODE_LOOKUP);
        assertThat(bad.error().message()).isEqualTo(
                "Encountered an error decoding JSON response from interactive dialog lookup.");
        assertThat(bad.error().statusCode()).isEqualTo(500);
        assertThat(looked(Interactions.dialogAnswered(Interactions.lookup(), 404, null)).error())
                .isEqualTo(AppError.actionIntegration("status=404"));
        assertThat(looked(Interactions.dialogFailed(Interactions.lookup(), 200, "stream closed")).error().id())
                .isEqualTo("app.lookup_interactive_dialog.read_body_error");
    }

    @Test
    void aDialogOutcomeNeedsNoResolvedAction() {
        assertThat(handler.handle(Interactions.dialogAnswered(Interactions.submission(), 200, "{}")))
                .isInstanceOf(Handling.Publish.class);
    }
}
