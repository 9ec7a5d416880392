package io.hookline.cli.console.playground;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.CliFailure;
import io.hookline.cli.console.ApiException;
import io.hookline.cli.console.ApiException.FieldError;
import io.hookline.cli.interact.Clicks;
import io.hookline.cli.post.PostEvents;
import io.hookline.cli.post.PostFlags;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the playground page asks for, checked and turned into what a chat server publishes: a person's post (as
 * {@code hookline post} builds it, with its checks), a click or menu choice (as {@code hookline interact click}
 * builds it), a dialog submission, cancel, refresh or lookup. Every problem is a 400 naming the body's field. Pure.
 */
final class PlaygroundRequests {

    /** Mattermost's limit on a post's message, in characters ({@code MaxPostSize}). */
    static final int MAX_MESSAGE = 16_383;

    private PlaygroundRequests() {
    }

    /**
     * Who acts, and where: the user and channel the page has chosen ({@code user_id}, {@code username},
     * {@code channel_id}, {@code channel_name}, {@code team_id}, {@code team_name}). Channels are public, the only
     * ones outgoing webhooks watch.
     */
    record Seat(User user, Channel channel, Team team) {
    }

    static Seat seat(JsonNode body) {
        PostFlags flags = flags(body, "", "");
        List<FieldError> errors = problems(flags);
        if (text(body, "username").isBlank()) {
            errors.add(new FieldError("username", "a username is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Seat(new User(flags.userId(), flags.username()),
                new Channel(flags.channelId(), flags.channelName(), flags.channelName(), Channel.OPEN, flags.teamId()),
                new Team(flags.teamId(), flags.teamName(), flags.teamName()));
    }

    /** A person's post ({@code message}, optional {@code root_id} for a reply) in the seat's channel. */
    static PostEvent post(JsonNode body, PostEvents events) {
        String message = text(body, "message");
        PostFlags flags = flags(body, message, text(body, "root_id"));
        List<FieldError> errors = problems(flags);
        if (text(body, "username").isBlank()) {
            errors.add(new FieldError("username", "a username is required"));
        }
        if (message.isBlank()) {
            errors.add(new FieldError("message", "type a message"));
        } else if (message.codePointCount(0, message.length()) > MAX_MESSAGE) {
            errors.add(new FieldError("message", "a message has at most " + MAX_MESSAGE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return events.fromFlags(flags);
    }

    /**
     * The click on action {@code action_id} of post {@code post_id} (with {@code selected_option} for a menu), as
     * the seat's user sees the post: a stored post, or an ephemeral post of theirs.
     */
    static InteractionEvent click(String eventId, JsonNode body, ChannelModel model) {
        Seat seat = seat(body);
        String postId = text(body, "post_id");
        String actionId = text(body, "action_id");
        if (actionId.isEmpty()) {
            throw ApiException.badRequest("action_id", "which action? action_id is required");
        }
        ChannelModel.Shown shown = model.clickable(postId, seat.user().id())
                .orElseThrow(() -> ApiException.notFound("no post " + postId + " that user "
                        + seat.user().id() + " can see"));
        if (!shown.channelId().equals(seat.channel().id())) {
            throw ApiException.badRequest("channel_id", "post " + postId + " is in channel " + shown.channelId()
                    + ", not in " + seat.channel().id());
        }
        Map<String, Object> props = asMap(shown.stored().get("props"));
        Clicks.Clicked clicked = new Clicks.Clicked(shown.id(), shown.ephemeral() ? null : shown.stored(), props,
                shown.channelId());
        try {
            Map<String, Object> action = Clicks.action(props, null, actionId);
            String option = text(body, "selected_option");
            String selected = Clicks.selectedOption(action, option.isEmpty() ? null : option);
            return Clicks.event(eventId, clicked, action, selected, seat.user(), seat.channel(), seat.team());
        } catch (CliFailure e) {
            throw ApiException.badRequest(e.getMessage().contains("option") ? "selected_option" : "action_id",
                    e.getMessage());
        }
    }

    /**
     * The submission of dialog {@code d} with {@code submission} (the values of every step so far), or its cancel
     * ({@code cancelled}: true). Null for a cancel the integration did not ask to hear about
     * ({@code notify_on_cancel} false: Mattermost's client sends nothing).
     */
    static InteractionEvent submission(String eventId, ChannelModel.DialogSession d, JsonNode body) {
        Seat seat = seat(body);
        boolean cancelled = body.path("cancelled").asBoolean(false);
        if (cancelled && !d.form().path("notify_on_cancel").asBoolean(false)) {
            return null;
        }
        Map<String, Object> values = cancelled ? Map.of() : values(body.path("submission"), d.form());
        return InteractionEvent.dialogSubmission(eventId, d.url(), d.form().path("callback_id").asText(""),
                d.form().path("state").asText(""), values, cancelled, "", seat.user(), seat.channel(), seat.team());
    }

    /**
     * A field refresh: element {@code selected_field} (with {@code refresh: true}) changed; the values go to the
     * dialog's {@code source_url} with {@code type: refresh}.
     */
    static InteractionEvent refresh(String eventId, ChannelModel.DialogSession d, JsonNode body) {
        Seat seat = seat(body);
        String field = text(body, "selected_field");
        JsonNode element = element(d.form(), field, "selected_field");
        if (!element.path("refresh").asBoolean(false)) {
            throw ApiException.badRequest("selected_field", "field '" + field + "' does not ask for a refresh");
        }
        String sourceUrl = d.form().path("source_url").asText("");
        if (sourceUrl.isEmpty()) {
            throw ApiException.badRequest("selected_field", "the dialog has no source_url to refresh from");
        }
        Map<String, Object> values = new LinkedHashMap<>(values(body.path("submission"), d.form()));
        values.put("selected_field", field);
        return InteractionEvent.dialogSubmission(eventId, sourceUrl, d.form().path("callback_id").asText(""),
                d.form().path("state").asText(""), values, false, InteractionEvent.REFRESH, seat.user(),
                seat.channel(), seat.team());
    }

    /** A dynamic select's lookup: the typed {@code query} for field {@code selected_field}, to its data_source_url. */
    static InteractionEvent lookup(String eventId, ChannelModel.DialogSession d, JsonNode body) {
        Seat seat = seat(body);
        String field = text(body, "selected_field");
        JsonNode element = element(d.form(), field, "selected_field");
        String url = element.path("data_source_url").asText("");
        if (!"dynamic".equals(element.path("data_source").asText("")) || url.isEmpty()) {
            throw ApiException.badRequest("selected_field", "field '" + field + "' is not a dynamic select");
        }
        Map<String, Object> values = new LinkedHashMap<>(values(body.path("submission"), d.form()));
        values.put("query", text(body, "query"));
        values.put("selected_field", field);
        return InteractionEvent.dialogLookup(eventId, url, d.form().path("callback_id").asText(""),
                d.form().path("state").asText(""), values, seat.user(), seat.channel(), seat.team());
    }

    /**
     * The values as Mattermost's client types them: text, true/false, or a list of texts (a multiselect). A value
     * of the current form's static select or radio must be one of its options, a bool's must be true or false.
     * Values of earlier steps' fields are kept as they are (a multi-step dialog sends them all).
     */
    static Map<String, Object> values(JsonNode submission, JsonNode form) {
        if (submission.isMissingNode() || submission.isNull()) {
            return Map.of();
        }
        if (!submission.isObject()) {
            throw ApiException.badRequest("submission", "submission must be an object of values by field name");
        }
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        for (JsonNode e : form.path("elements")) {
            elements.put(e.path("name").asText(), e);
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        submission.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode v = entry.getValue();
            String field = "submission." + name;
            JsonNode element = elements.get(name);
            Object value = value(v);
            if (value == null) {
                errors.add(new FieldError(field, name + ": a value is text, true/false or a list of texts"));
                return;
            }
            if (element != null) {
                String problem = problem(element, value);
                if (problem != null) {
                    errors.add(new FieldError(field, name + ": " + problem));
                    return;
                }
            }
            values.put(name, value);
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return values;
    }

    private static Object value(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    return null;
                }
                items.add(item.asText());
            }
            return items;
        }
        return null;
    }

    private static String problem(JsonNode element, Object value) {
        String type = element.path("type").asText("");
        if ("bool".equals(type)) {
            return value instanceof Boolean ? null : "a bool field takes true or false";
        }
        boolean multi = element.path("multiselect").asBoolean(false);
        if (value instanceof Boolean || (value instanceof List<?>) != multi) {
            return "takes " + (multi ? "a list of texts" : "a text");
        }
        boolean staticOptions = ("select".equals(type) && element.path("data_source").asText("").isEmpty())
                || "radio".equals(type);
        if (staticOptions) {
            List<String> options = new ArrayList<>();
            element.path("options").forEach(o -> options.add(o.path("value").asText("")));
            List<?> chosen = value instanceof List<?> list ? list : List.of(value);
            for (Object c : chosen) {
                if (!options.contains(Objects.toString(c))) {
                    return "no option '" + c + "'; its options: " + String.join(", ", options);
                }
            }
        }
        return null;
    }

    private static JsonNode element(JsonNode form, String name, String field) {
        for (JsonNode e : form.path("elements")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        throw ApiException.badRequest(field, "the dialog has no field '" + name + "'");
    }

    private static PostFlags flags(JsonNode body, String message, String rootId) {
        return new PostFlags(text(body, "channel_id").trim(), text(body, "team_id").trim(),
                text(body, "user_id").trim(), text(body, "username").trim(), message, Channel.OPEN,
                text(body, "channel_name").trim(), text(body, "team_name").trim(), rootId.trim());
    }

    /** {@code hookline post}'s checks, each moved from its option to the body's field. */
    private static List<FieldError> problems(PostFlags flags) {
        List<FieldError> errors = new ArrayList<>();
        for (String problem : PostEvents.problems(flags)) {
            int colon = problem.indexOf(':');
            String option = colon > 0 ? problem.substring(0, colon) : "";
            String field = option.startsWith("--") ? option.substring(2).replace('-', '_') : null;
            errors.add(new FieldError(field, field == null ? problem : problem.substring(colon + 1).strip()));
        }
        return errors;
    }

    /** A text field of the body; empty when absent. @throws ApiException when it is not text */
    static String text(JsonNode body, String field) {
        JsonNode v = body.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, field + " must be text");
        }
        return v.asText();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
