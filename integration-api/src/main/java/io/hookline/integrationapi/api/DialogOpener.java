package io.hookline.integrationapi.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.runtime.secrets.TriggerIdException;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.dialog.DialogDecodeException;
import io.hookline.schemas.dialog.DialogJson;
import io.hookline.schemas.dialog.DialogValidator;
import io.hookline.schemas.dialog.OpenDialogRequest;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What {@code POST /api/v4/actions/dialogs/open} decides, in Mattermost's order (§4.1): decode the body Go-strictly,
 * require a url, verify the trigger id, validate the dialog (problems are only reported, never refused), then the
 * {@code open_dialog} command for the user inside the trigger id, carrying the request re-serialised as Mattermost's
 * structs write it with the short client trigger id in place of the signed one. No I/O: writing the command is the
 * caller's.
 */
final class DialogOpener {

    /** The outcome of one open request. */
    sealed interface Opening {
    }

    /**
     * The request is refused with {@code error}.
     *
     * @param reason why, for the log (never the body or the trigger id)
     */
    record Refused(ApiError error, String reason) implements Opening {
    }

    /**
     * The dialog opens: write {@code command} with {@code key}.
     *
     * @param problems what Mattermost's {@code OpenDialogRequest.IsValid} finds wrong, to be logged; empty when valid
     */
    record Open(String key, PostCommand command, String callbackId, List<String> problems) implements Opening {
    }

    private final TriggerIds triggerIds;

    DialogOpener(TriggerIds triggerIds) {
        this.triggerIds = triggerIds;
    }

    Opening open(byte[] body, String requestId) {
        OpenDialogRequest request;
        try {
            request = DialogJson.decodeOpenRequest(body);
        } catch (DialogDecodeException e) {
            return new Refused(ApiErrors.invalidBodyParam("dialog", requestId), "body not decodable: "
                    + e.getMessage());
        }
        if (request.url().isEmpty()) {
            return new Refused(ApiErrors.invalidBodyParam("url", requestId), "empty url");
        }
        TriggerIds.Verified verified;
        try {
            verified = triggerIds.verify(request.triggerId());
        } catch (TriggerIdException e) {
            return new Refused(ApiError.of(e.error(), requestId), e.error().id());
        }
        List<String> problems = DialogValidator.problems(request);
        String clientTriggerId = verified.clientTriggerId();
        JsonNode pushed = tree(DialogJson.encode(request.withTriggerId(clientTriggerId)));
        // The same call repeated (an integration retrying after a timeout) gives the same command id, so the chat
        // server can drop the repeat; a different dialog on the same trigger id is a command of its own.
        String id = Ids.deterministic(clientTriggerId, PostCommand.OPEN_DIALOG, sha256(body));
        // The click that minted the trigger id is not known here. The chat server got this client trigger id in that
        // click's action_result, so it matches the dialog to the click by it, as Mattermost's webapp does.
        PostCommand command = PostCommand.openDialog(id, clientTriggerId, verified.userId(), pushed);
        return new Open(verified.userId(), command, request.dialog().callbackId(), problems);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("DialogJson writes JSON", e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
