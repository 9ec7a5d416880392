package io.hookline.ingestor.response;

import java.util.List;
import java.util.Map;

/**
 * Mattermost's {@code OutgoingWebhookResponse}, decoded from a callback's body.
 *
 * @param text         null when absent (no post unless there are attachments); may be "" when present
 * @param props        the response's own props (never null)
 * @param attachments  non-null attachments in order, as sent (sanitised later)
 * @param priority     null when absent
 */
public record WebhookResponse(
        String text,
        String username,
        String iconUrl,
        Map<String, Object> props,
        List<MessageAttachment> attachments,
        String type,
        String responseType,
        Priority priority) {

    public static final String RESPONSE_TYPE_COMMENT = "comment";

    public WebhookResponse {
        username = username == null ? "" : username;
        iconUrl = iconUrl == null ? "" : iconUrl;
        props = props == null ? Map.of() : props;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        type = type == null ? "" : type;
        responseType = responseType == null ? "" : responseType;
    }

    /** Mattermost creates a post only when {@code text} is present or there is at least one attachment. */
    public boolean wantsPost() {
        return text != null || !attachments.isEmpty();
    }

    public boolean isComment() {
        return RESPONSE_TYPE_COMMENT.equals(responseType);
    }

    /**
     * Mattermost's {@code PostPriority}: each member may be absent (null).
     */
    public record Priority(String priority, Boolean requestedAck, Boolean persistentNotifications) {
    }
}
