package io.hookline.dispatcher.interaction;

import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.serde.GoJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies Mattermost POSTs to integrations, byte for byte as Go's {@code encoding/json} writes its structs: fields
 * in declaration order, map contents ({@code context}, {@code submission}) with sorted keys, HTML-safe strings.
 */
final class IntegrationRequests {

    /** The key a select's choice is added under in {@code context}. */
    static final String SELECTED_OPTION = "selected_option";
    private static final String SELECT = "select";

    private IntegrationRequests() {
    }

    /**
     * Mattermost's {@code PostActionIntegrationRequest}. Only a {@code select} with a non-empty choice gets
     * {@code context.selected_option} and the action's {@code data_source}; {@code context} is left out when empty
     * (Go's {@code omitempty} on a map).
     *
     * @throws IllegalArgumentException when the context holds a value Go cannot marshal
     */
    static byte[] postAction(InteractionEvent event, PostActionCookie action, String triggerId) {
        Map<String, Object> context = action.integration().context();
        String dataSource = "";
        if (SELECT.equals(action.type()) && !event.selectedOption().isEmpty()) {
            context = context == null ? new LinkedHashMap<>() : new LinkedHashMap<>(context);
            context.put(SELECTED_OPTION, event.selectedOption());
            dataSource = action.dataSource();
        }
        GoJson.Struct body = GoJson.struct()
                .string("user_id", event.user().id())
                .string("user_name", event.user().username())
                .string("channel_id", action.channelId())
                .string("channel_name", event.channel().name())
                .string("team_id", event.team() == null ? "" : event.team().id())
                .string("team_domain", event.team() == null ? "" : event.team().name())
                .string("post_id", action.postId())
                .string("trigger_id", triggerId)
                .string("type", action.type())
                .string("data_source", dataSource);
        if (context != null && !context.isEmpty()) {
            body.value("context", context);
        }
        return body.bytes();
    }

    /**
     * Mattermost's {@code SubmitDialogRequest} as it leaves the server: {@code url} left out, {@code type} forced to
     * {@code dialog_submission} (a field refresh keeps {@code refresh}) or, for a lookup, {@code dialog_lookup};
     * {@code submission} written as {@code null} when the event has none, as Go writes a nil map.
     *
     * @throws IllegalArgumentException when the submission holds a value Go cannot marshal
     */
    static byte[] dialog(InteractionEvent event) {
        String type = event.isDialogLookup() ? InteractionEvent.DIALOG_LOOKUP
                : InteractionEvent.REFRESH.equals(event.submissionType()) ? InteractionEvent.REFRESH
                : InteractionEvent.DIALOG_SUBMISSION;
        return GoJson.struct()
                .string("type", type)
                .string("callback_id", event.callbackId())
                .string("state", event.state())
                .string("user_id", event.user().id())
                .string("channel_id", event.channel().id())
                .string("team_id", event.team() == null ? "" : event.team().id())
                .value("submission", event.submission())
                .bool("cancelled", event.cancelled())
                .bytes();
    }
}
