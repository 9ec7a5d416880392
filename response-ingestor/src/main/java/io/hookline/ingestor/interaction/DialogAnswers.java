package io.hookline.ingestor.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.dialog.DialogDecodeException;
import io.hookline.schemas.dialog.DialogJson;
import io.hookline.schemas.dialog.DialogValidator;
import io.hookline.schemas.dialog.LookupDialogResponse;
import io.hookline.schemas.dialog.ResponseProblem;
import io.hookline.schemas.dialog.SubmitDialogResponse;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the outcome of a dialog submission or lookup becomes: one answer to the person, Mattermost's
 * ({@code SubmitInteractiveDialog}, {@code LookupInteractiveDialog}).
 *
 * <ul>
 *   <li>refused before any call (an empty url, a submission Go cannot marshal): the refusal;</li>
 *   <li>the call failed (no answer, or not 200): 400 {@code api.post.do_action.action_integration.app_error};</li>
 *   <li>a 200 whose body could not be read whole: cut at the 1 MiB limit, it is JSON Go cannot decode, so 500
 *       {@code ...decode_json_error}; any other read error 500 {@code ...read_body_error};</li>
 *   <li>an empty body: {@code {}} for a submission, {@code {"items":null}} for a lookup;</li>
 *   <li>a body Go's {@code json.Unmarshal} refuses (blank, not JSON, a wrong type, something after the value): 500
 *       {@code ...decode_json_error};</li>
 *   <li>a submission answer {@code SubmitDialogResponse.IsValid} refuses: 400
 *       {@code app.submit_interactive_dialog.invalid_response}, the reason as detail; an invalid {@code form} is only
 *       logged and passed through;</li>
 *   <li>else the answer re-serialised as Mattermost writes it (unknown keys dropped, empty ones omitted).</li>
 * </ul>
 */
final class DialogAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(DialogAnswers.class);

    /** The two endpoints' error ids differ only in this part. */
    private enum Kind {
        SUBMIT("submit_interactive_dialog", "submission"),
        LOOKUP("lookup_interactive_dialog", "lookup");

        final String ids;
        final String what;

        Kind(String ids, String what) {
            this.ids = ids;
            this.what = what;
        }

        AppError readBodyError(String detail) {
            return new AppError("app." + ids + ".read_body_error", "Encountered an error reading response body from "
                    + "interactive dialog " + what + ".", detail, 500);
        }

        AppError decodeJsonError(String detail) {
            return new AppError("app." + ids + ".decode_json_error", "Encountered an error decoding JSON response from "
                    + "interactive dialog " + what + ".", detail, 500);
        }
    }

    PostCommand submission(DeliveryOutcome outcome) {
        InteractionEvent event = outcome.interaction().event();
        AppError failed = failure(outcome, Kind.SUBMIT);
        if (failed != null) {
            return submitResult(event, null, failed);
        }
        SubmitDialogResponse response;
        try {
            response = DialogJson.decodeSubmitResponse(body(outcome));
        } catch (DialogDecodeException e) {
            return submitResult(event, null, Kind.SUBMIT.decodeJsonError(e.getMessage()));
        }
        Optional<ResponseProblem> problem = DialogValidator.responseProblem(response);
        if (problem.isPresent() && !problem.get().logOnly()) {
            return submitResult(event, null, new AppError("app.submit_interactive_dialog.invalid_response",
                    "Encountered an invalid response from interactive dialog submission.", problem.get().message(),
                    400));
        }
        problem.ifPresent(p -> LOG.warn("interaction {}: the dialog's next form is invalid, passed on as Mattermost "
                + "does: {}", event.id(), p.message()));
        return submitResult(event, tree(DialogJson.encode(response)), null);
    }

    PostCommand lookup(DeliveryOutcome outcome) {
        InteractionEvent event = outcome.interaction().event();
        AppError failed = failure(outcome, Kind.LOOKUP);
        if (failed != null) {
            return lookupResult(event, null, failed);
        }
        LookupDialogResponse response;
        try {
            response = DialogJson.decodeLookupResponse(body(outcome));
        } catch (DialogDecodeException e) {
            return lookupResult(event, null, Kind.LOOKUP.decodeJsonError(e.getMessage()));
        }
        return lookupResult(event, tree(DialogJson.encode(response)), null);
    }

    /** Null when the call returned a readable 200; else the error Mattermost answers. */
    private static AppError failure(DeliveryOutcome outcome, Kind kind) {
        if (outcome.interaction().refusal() != null) {
            return outcome.interaction().refusal(); // nothing was sent: an empty url, a submission Go cannot marshal
        }
        String failure = InteractionHandler.failure(outcome);
        if (failure == null) {
            return null;
        }
        Integer status = outcome.httpStatus();
        if (status != null && status == 200) {
            // a 200 arrived but its body did not come whole
            return failure.startsWith(DeliveryOutcome.RESPONSE_TOO_LARGE) ? kind.decodeJsonError(failure)
                    : kind.readBodyError(failure);
        }
        return AppError.actionIntegration(failure);
    }

    private static byte[] body(DeliveryOutcome outcome) {
        return outcome.responseBody() == null ? new byte[0] : outcome.responseBody().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Go-encoded dialog JSON did not read back", e);
        }
    }

    private static PostCommand submitResult(InteractionEvent event, JsonNode response, AppError error) {
        return PostCommand.dialogResult(InteractionHandler.commandId(event.id(), PostActionAnswers.RESULT), event.id(),
                event.user().id(), response, error);
    }

    private static PostCommand lookupResult(InteractionEvent event, JsonNode response, AppError error) {
        return PostCommand.lookupResult(InteractionHandler.commandId(event.id(), PostActionAnswers.RESULT),
                event.id(), event.user().id(), response, error);
    }
}
