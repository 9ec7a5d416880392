package io.hookline.schemas.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code POST /api/v4/actions/dialogs/open} and, with the short client trigger id in place of the signed
 * one, the data of the {@code open_dialog} WebSocket event: Mattermost's {@code OpenDialogRequest}. Every key is
 * always written; {@code dialog} is a value in Go, so it is never null here.
 */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"trigger_id", "url", "dialog"})
public record OpenDialogRequest(String triggerId, String url, Dialog dialog) {

    public OpenDialogRequest {
        triggerId = triggerId == null ? "" : triggerId;
        url = url == null ? "" : url;
        dialog = dialog == null ? Dialog.empty() : dialog;
    }

    /** The same request with another trigger id (Mattermost swaps in the client trigger id before pushing it). */
    public OpenDialogRequest withTriggerId(String v) {
        return new OpenDialogRequest(v, url, dialog);
    }
}
