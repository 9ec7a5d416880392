package io.hookline.cli.interact;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.CliFailure;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a chat server's client sends when a person submits or cancels a dialog an {@code open_dialog} command opened:
 * the dialog's url, callback_id and state, and the values typed as Mattermost's client types them (a bool element's
 * value is a JSON boolean, a multiselect's an array of strings, every other value a string). Pure.
 */
final class Submissions {

    private Submissions() {
    }

    /**
     * The {@code open_dialog} command {@code idOrLast} ({@code last}: the newest).
     *
     * @throws CliFailure when {@code log} has none with that id
     */
    static PostCommand openDialog(String idOrLast, List<LoggedCommand> log) {
        String id = LoggedCommand.resolve(idOrLast, PostCommand.OPEN_DIALOG, log);
        for (LoggedCommand logged : log) {
            PostCommand c = logged.command();
            if (id.equals(c.id())) {
                if (!PostCommand.OPEN_DIALOG.equals(c.type()) || c.dialog() == null) {
                    throw new CliFailure("command " + id + " on post-commands is " + StoredPosts.article(c.type())
                            + ", not an open_dialog: --dialog takes the id of an open_dialog command");
                }
                return c;
            }
        }
        throw new CliFailure("no open_dialog command with id " + id + " on post-commands (" + log.size()
                + " commands read); `hookline tail post-commands` lists them");
    }

    /**
     * The id of the click the dialog answers: the interaction whose {@code action_result} gave the client the
     * dialog's trigger id (that is how Mattermost's client knows the channel of a dialog); null when unknown.
     */
    static String openingInteraction(PostCommand openDialog, List<LoggedCommand> log) {
        String trigger = openDialog.dialog().path("trigger_id").asText("");
        if (!trigger.isEmpty()) {
            for (LoggedCommand logged : log) {
                PostCommand c = logged.command();
                if (PostCommand.ACTION_RESULT.equals(c.type()) && c.actionResponse() != null
                        && trigger.equals(c.actionResponse().triggerId())) {
                    return c.interactionId();
                }
            }
        }
        return null;
    }

    /**
     * The submission of {@code fields} ({@code name=value}) to the dialog: every field must be one of its elements;
     * elements not given are sent with their default when they have one, and left out otherwise (as the client does).
     */
    static Map<String, Object> values(JsonNode openDialog, List<String> fields) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        for (JsonNode e : openDialog.path("dialog").path("elements")) {
            elements.put(e.path("name").asText(), e);
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new CliFailure("--field: expected NAME=VALUE, got '" + field + "'");
            }
            String name = field.substring(0, eq);
            if (!elements.containsKey(name)) {
                throw new CliFailure("--field " + name + ": the dialog has no such field; its fields: "
                        + String.join(", ", elements.keySet()));
            }
            if (given.put(name, field.substring(eq + 1)) != null) {
                throw new CliFailure("--field " + name + " is given twice");
            }
        }
        Map<String, Object> submission = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : elements.entrySet()) {
            String value = given.containsKey(e.getKey()) ? given.get(e.getKey())
                    : e.getValue().path("default").asText("");
            if (given.containsKey(e.getKey()) || !value.isEmpty()) {
                submission.put(e.getKey(), typed(e.getKey(), e.getValue(), value));
            }
        }
        return submission;
    }

    /** The event for the submission ({@code cancelled}: the person closed the dialog; {@code submission} empty). */
    static InteractionEvent event(String eventId, PostCommand openDialog, Map<String, Object> submission,
                                  boolean cancelled, User user, Channel channel, Team team) {
        JsonNode request = openDialog.dialog();
        return InteractionEvent.dialogSubmission(eventId, request.path("url").asText(""),
                request.path("dialog").path("callback_id").asText(""), request.path("dialog").path("state").asText(""),
                cancelled ? Map.of() : submission, cancelled, "", user, channel, team);
    }

    /** Whether the integration wants to hear about a cancel; otherwise the client sends nothing. */
    static boolean notifiesOnCancel(PostCommand openDialog) {
        return openDialog.dialog().path("dialog").path("notify_on_cancel").asBoolean(false);
    }

    /** What to do with a dialog just opened, for the person trying it out. */
    static String hint(PostCommand openDialog) {
        List<String> names = new ArrayList<>();
        for (JsonNode e : openDialog.dialog().path("dialog").path("elements")) {
            names.add(e.path("name").asText() + " (" + e.path("type").asText() + ")");
        }
        return "dialog \"" + openDialog.dialog().path("dialog").path("title").asText() + "\" opened for user "
                + openDialog.userId() + " with fields " + String.join(", ", names) + ": submit it with "
                + "`hookline interact submit --dialog " + openDialog.id() + " --field NAME=VALUE ...`, or cancel it "
                + "with `--cancel`";
    }

    private static Object typed(String name, JsonNode element, String value) {
        String type = element.path("type").asText("");
        if ("bool".equals(type)) {
            if (value.equals("true") || value.equals("false")) {
                return Boolean.valueOf(value);
            }
            throw new CliFailure("--field " + name + ": a bool field takes true or false, got '" + value + "'");
        }
        boolean staticOptions = ("select".equals(type) && element.path("data_source").asText("").isEmpty())
                || "radio".equals(type);
        List<String> values = new ArrayList<>();
        for (String v : element.path("multiselect").asBoolean(false) ? value.split(",") : new String[] {value}) {
            String item = v.strip();
            if (staticOptions && !optionValues(element).contains(item)) {
                throw new CliFailure("--field " + name + ": no option '" + item + "'; its options: "
                        + String.join(", ", optionValues(element)));
            }
            values.add(item);
        }
        if (element.path("multiselect").asBoolean(false)) {
            return values;
        }
        return staticOptions ? values.get(0) : value;
    }

    private static List<String> optionValues(JsonNode element) {
        List<String> values = new ArrayList<>();
        for (JsonNode o : element.path("options")) {
            values.add(o.path("value").asText(""));
        }
        return values;
    }
}
