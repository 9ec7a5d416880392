package io.hookline.cli.example;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the example integration answers, as pure functions of the request it got: Mattermost's wire formats only (the
 * outgoing-webhook response, {@code PostActionIntegrationResponse}, {@code OpenDialogRequest},
 * {@code SubmitDialogResponse}), so the same code would work against a Mattermost server.
 *
 * <p>Mattermost does not send the clicked post to the integration, so each action's {@code context} carries the
 * original message: that is how an update can repeat it.
 */
final class TicketAnswers {

    static final int MIN_SUMMARY = 10;
    static final String TOO_SHORT = "Tell us a little more: at least " + MIN_SUMMARY + " characters.";
    private static final List<String> PRIORITIES = List.of("low", "normal", "high");

    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;

    /** @param baseUrl where this integration listens, e.g. {@code http://127.0.0.1:8067}: actions point back to it */
    TicketAnswers(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The answer to the outgoing webhook: a post with a "Create ticket" button and a "Priority" menu. */
    ObjectNode hookAnswer(JsonNode webhook) {
        String message = "Ticket request from @" + webhook.path("user_name").asText() + ": "
                + webhook.path("text").asText();
        ObjectNode answer = json.createObjectNode();
        answer.put("text", message);
        answer.set("attachments", attachments(message, ""));
        return answer;
    }

    /** The click on "Create ticket": say who opened the form, keep the buttons, and tell the clicker what is next. */
    ObjectNode createAnswer(JsonNode click) {
        String message = originalMessage(click);
        return actionAnswer(message + " — ticket form opened by @" + click.path("user_name").asText(),
                attachments(message, ""), "Fill in the form to create the ticket.");
    }

    /** A choice in the "Priority" menu: Mattermost adds the chosen value to the context as {@code selected_option}. */
    ObjectNode priorityAnswer(JsonNode click) {
        String message = originalMessage(click);
        String chosen = click.path("context").path("selected_option").asText();
        return actionAnswer(message + " — priority: " + chosen, attachments(message, chosen),
                "Priority set to " + chosen + ".");
    }

    /**
     * The body of {@code POST /api/v4/actions/dialogs/open} for the ticket form, opened with the trigger id of the
     * click; its state remembers where the click was, since a submission does not say which post it came from.
     */
    ObjectNode ticketDialog(JsonNode click) {
        ObjectNode state = json.createObjectNode();
        state.put("channel_id", click.path("channel_id").asText());
        state.put("post_id", click.path("post_id").asText());

        ArrayNode elements = json.createArrayNode();
        elements.addObject().put("display_name", "Summary").put("name", "summary").put("type", "text")
                .put("min_length", MIN_SUMMARY).put("max_length", 120).put("placeholder", "What is broken?")
                .put("help_text", "One line, at least " + MIN_SUMMARY + " characters.");
        ObjectNode priority = elements.addObject().put("display_name", "Priority").put("name", "priority")
                .put("type", "radio").put("default", "normal");
        priority.set("options", options());
        elements.addObject().put("display_name", "Assignee").put("name", "assignee").put("type", "select")
                .put("data_source", "users").put("optional", true);
        elements.addObject().put("display_name", "Notes").put("name", "notes").put("type", "textarea")
                .put("optional", true);
        elements.addObject().put("display_name", "Urgent").put("name", "urgent").put("type", "bool")
                .put("placeholder", "Page the person on call").put("default", "false").put("optional", true);

        ObjectNode dialog = json.createObjectNode();
        dialog.put("callback_id", "ticket");
        dialog.put("title", "Create ticket");
        dialog.set("elements", elements);
        dialog.put("submit_label", "Create");
        dialog.put("notify_on_cancel", true);
        dialog.put("state", state.toString());

        ObjectNode request = json.createObjectNode();
        request.put("trigger_id", click.path("trigger_id").asText());
        request.put("url", baseUrl + "/dialogs/ticket");
        request.set("dialog", dialog);
        return request;
    }

    /**
     * The answer to a submission of the ticket form, and the ticket when one was created (null otherwise). A dialog
     * answer cannot post a message in Mattermost: {@code {}} only closes the dialog.
     */
    Submitted submission(JsonNode submit) {
        if (submit.path("cancelled").asBoolean(false)) {
            return new Submitted(json.createObjectNode(), null);
        }
        JsonNode values = submit.path("submission");
        String summary = values.path("summary").asText("").strip();
        if (summary.codePointCount(0, summary.length()) < MIN_SUMMARY) {
            ObjectNode answer = json.createObjectNode();
            answer.putObject("errors").put("summary", TOO_SHORT);
            return new Submitted(answer, null);
        }
        ObjectNode ticket = json.createObjectNode();
        ticket.put("summary", summary);
        ticket.put("priority", values.path("priority").asText("normal"));
        ticket.put("assignee", values.path("assignee").asText(""));
        ticket.put("notes", values.path("notes").asText(""));
        ticket.put("urgent", values.path("urgent").asBoolean(false));
        ticket.put("reported_by", submit.path("user_id").asText());
        JsonNode state = parseState(submit.path("state").asText(""));
        ticket.put("channel_id", state.path("channel_id").asText(submit.path("channel_id").asText()));
        ticket.put("post_id", state.path("post_id").asText(""));
        return new Submitted(json.createObjectNode(), ticket);
    }

    /** What a submission is answered with, and the ticket it created (null when it created none). */
    record Submitted(ObjectNode answer, ObjectNode ticket) {
    }

    private ObjectNode actionAnswer(String message, ArrayNode attachments, String ephemeralText) {
        ObjectNode answer = json.createObjectNode();
        ObjectNode update = answer.putObject("update");
        update.put("message", message);
        // props replace the post's props: without the attachments the buttons would disappear
        update.putObject("props").set("attachments", attachments);
        answer.put("ephemeral_text", ephemeralText);
        return answer;
    }

    private ArrayNode attachments(String message, String priority) {
        ArrayNode actions = json.createArrayNode();
        ObjectNode create = actions.addObject().put("id", "createticket").put("type", "button")
                .put("name", "Create ticket").put("style", "primary");
        create.set("integration", integration("/actions/create", "create", message));
        ObjectNode select = actions.addObject().put("id", "priority").put("type", "select").put("name", "Priority");
        select.set("options", options());
        if (!priority.isEmpty()) {
            select.put("default_option", priority);
        }
        select.set("integration", integration("/actions/priority", "priority", message));

        ArrayNode attachments = json.createArrayNode();
        ObjectNode attachment = attachments.addObject();
        attachment.put("fallback", "Create a ticket or set its priority");
        attachment.put("text", "Create a ticket for this, or set its priority.");
        attachment.set("actions", actions);
        return attachments;
    }

    private ObjectNode integration(String path, String action, String message) {
        ObjectNode integration = json.createObjectNode();
        integration.put("url", baseUrl + path);
        integration.putObject("context").put("action", action).put("message", message);
        return integration;
    }

    private ArrayNode options() {
        ArrayNode options = json.createArrayNode();
        for (String p : PRIORITIES) {
            options.addObject().put("text", Character.toUpperCase(p.charAt(0)) + p.substring(1)).put("value", p);
        }
        return options;
    }

    private static String originalMessage(JsonNode click) {
        return click.path("context").path("message").asText("");
    }

    private JsonNode parseState(String state) {
        try {
            return state.isEmpty() ? json.createObjectNode() : json.readTree(state);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
