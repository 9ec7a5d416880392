package io.hookline.ingestor.response;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A Slack-style message attachment as Mattermost's {@code MessageAttachment} reads it. Strings are "" when absent.
 *
 * @param timestamp {@code ts}: any JSON value as sent (Mattermost accepts a string or a number), null when absent
 */
public record MessageAttachment(
        long id,
        String fallback,
        String color,
        String pretext,
        String authorName,
        String authorLink,
        String authorIcon,
        String title,
        String titleLink,
        String text,
        List<Field> fields,
        String imageUrl,
        String thumbUrl,
        String footer,
        String footerIcon,
        JsonNode timestamp,
        List<Action> actions) {

    public MessageAttachment {
        fields = fields == null ? List.of() : List.copyOf(fields);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /**
     * One field of the attachment's table.
     *
     * @param value any JSON value as sent (Mattermost stringifies it), null when absent
     */
    public record Field(String title, JsonNode value, boolean isShort) {
    }

    /** Mattermost's {@code PostAction}: an interactive button or select menu. {@code tooltip} is its hover text. */
    public record Action(
            String id,
            String type,
            String name,
            String tooltip,
            boolean disabled,
            String style,
            String dataSource,
            List<Option> options,
            String defaultOption,
            Integration integration) {

        public Action {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** One entry of a select menu. */
    public record Option(String text, String value) {
    }

    /** Where a click is sent; never shown to clients. Null context when absent. */
    public record Integration(String url, Map<String, Object> context) {
    }
}
