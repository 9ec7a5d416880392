package io.hookline.cli.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;

/**
 * How {@code hooks list} and {@code hooks get} print hooks ({@code --output}): a table for people, JSON for programs.
 * Token and signing secrets are masked either way.
 */
public enum HookOutput {
    table,
    json;

    private static final String ROW = "%-26s  %-26s  %-26s  %-11s  %-20s  %s%n";

    /** The hooks as table rows under a header, or as one JSON document per line. */
    public void printAll(PrintWriter out, Collection<OutgoingWebhook> hooks) throws JsonProcessingException {
        if (this == json) {
            for (OutgoingWebhook hook : hooks) {
                out.println(Json.mapper().writeValueAsString(hook.masked()));
            }
            return;
        }
        out.printf(ROW, "ID", "TEAM", "CHANNEL", "WHEN", "TRIGGER WORDS", "CALLBACK URLS");
        for (OutgoingWebhook h : hooks) {
            out.printf(ROW, h.id(), h.teamId(), h.channelId().isEmpty() ? "(any)" : h.channelId(),
                    h.triggerWhen() == OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH ? "starts-with" : "exact",
                    String.join(",", h.triggerWords()), String.join(" ", h.callbackUrls()));
        }
    }

    /** One hook: the table with its one row, or the whole JSON document, indented for reading. */
    public void printOne(PrintWriter out, OutgoingWebhook hook) throws JsonProcessingException {
        if (this == json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(hook.masked()));
        } else {
            printAll(out, List.of(hook));
        }
    }
}
