package io.hookline.cli.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;

/**
 * How {@code hooks list} and {@code hooks get} print hooks ({@code --output}): a table for people, JSON for programs.
 * Each hook carries its {@code status}: {@code live}, or {@code rejected} (its latest record is invalid, so it does
 * not fire) with the reason instead of the hook's fields. Token and signing secrets are masked either way; a rejected
 * record shows nothing but its id and reason, which never quotes a secret.
 */
enum HookOutput {
    table,
    json;

    static final String LIVE = HookDocument.LIVE;
    static final String REJECTED = HookDocument.REJECTED;
    private static final String ROW = "%-26s  %-8s  %-26s  %-26s  %-11s  %-20s  %s%n";
    private static final String REJECTED_ROW = "%-26s  %-8s  %s%n";

    /** The hooks as table rows under a header, or as one JSON document per line. */
    public void printAll(PrintWriter out, Collection<HookState> hooks) throws JsonProcessingException {
        if (this == json) {
            for (HookState hook : hooks) {
                out.println(Json.mapper().writeValueAsString(HookDocument.of(hook)));
            }
            return;
        }
        out.printf(ROW, "ID", "STATUS", "TEAM", "CHANNEL", "WHEN", "TRIGGER WORDS", "CALLBACK URLS / REASON");
        for (HookState state : hooks) {
            if (state instanceof HookState.Live live) {
                OutgoingWebhook h = live.hook().masked();
                out.printf(ROW, h.id(), LIVE, h.teamId(), h.channelId().isEmpty() ? "(any)" : h.channelId(),
                        h.triggerWhen() == OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH ? "starts-with" : "exact",
                        String.join(",", h.triggerWords()), String.join(" ", h.callbackUrls()));
            } else if (state instanceof HookState.Rejected rejected) {
                out.printf(REJECTED_ROW, rejected.hookId(), REJECTED, rejected.reason());
            }
        }
    }

    /** One hook: the table with its one row, or the whole JSON document, indented for reading. */
    public void printOne(PrintWriter out, HookState hook) throws JsonProcessingException {
        if (this == json) {
            ObjectWriter pretty = Json.mapper().writerWithDefaultPrettyPrinter();
            out.println(pretty.writeValueAsString(HookDocument.of(hook)));
        } else {
            printAll(out, List.of(hook));
        }
    }
}
