package io.hookline.cli.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.serde.Json;

/**
 * One hook as {@code hooks get} prints it and the console shows it: a live hook masked (token, signing secrets and
 * URL passwords), with {@code "status": "live"}; a rejected one as its id, status and reason only, which never quotes
 * a secret.
 */
public final class HookDocument {

    public static final String LIVE = "live";
    public static final String REJECTED = "rejected";

    private HookDocument() {
    }

    /** @throws IllegalArgumentException for a deleted hook, which is not listed */
    public static ObjectNode of(HookState state) {
        ObjectNode doc = Json.mapper().createObjectNode();
        if (state instanceof HookState.Live live) {
            doc.setAll((ObjectNode) Json.mapper().valueToTree(live.hook().masked()));
            doc.put("status", LIVE);
        } else if (state instanceof HookState.Rejected rejected) {
            doc.put("id", rejected.hookId());
            doc.put("status", REJECTED);
            doc.put("rejected_reason", rejected.reason());
        } else {
            throw new IllegalArgumentException("a deleted hook is not listed: " + state.hookId());
        }
        return doc;
    }
}
