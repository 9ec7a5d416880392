package io.hookline.ingestor.post;

import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.ingestor.response.WebhookResponse.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where a response's {@code priority} goes: {@code metadata.priority} of the post, under Mattermost's rules
 * ({@code CreateWebhookPost} and {@code postPriorityCheck}). A priority without {@code priority.priority} rejects the
 * whole response, exactly as Mattermost does. A priority that breaks any other rule (unknown value, a reply,
 * {@code requested_ack} without important/urgent, {@code persistent_notifications} without urgent) would make
 * Mattermost's post API refuse the whole post; Hookline drops only the priority and reports why, so the answer still
 * reaches the channel.
 */
final class PriorityRules {

    public static final String IMPORTANT = "important";
    public static final String URGENT = "urgent";
    private static final Set<String> VALUES = Set.of("", IMPORTANT, URGENT);

    /**
     * @param metadataPriority the value of {@code metadata.priority}, null when the post gets none
     * @param dropped          why a given priority was dropped, null when it was not
     */
    public record Decision(Map<String, Object> metadataPriority, String dropped) {
    }

    /**
     * @param rootPost whether the response post is a root post (priority is for root posts only)
     * @throws ResponseFormatException when {@code priority.priority} is missing
     */
    public Decision decide(Priority priority, boolean rootPost) {
        if (priority == null) {
            return new Decision(null, null);
        }
        String value = priority.priority();
        if (value == null) {
            throw new ResponseFormatException("priority is set without priority.priority: setting the priority of "
                    + "a post is required to use priority");
        }
        boolean ack = Boolean.TRUE.equals(priority.requestedAck());
        boolean persistent = Boolean.TRUE.equals(priority.persistentNotifications());
        String problem = null;
        if (!VALUES.contains(value)) {
            problem = "priority.priority '" + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
                    + "' is not \"\", important or urgent";
        } else if (!rootPost) {
            problem = "priority is only allowed on root posts and this response is a comment in a thread";
        } else if (ack && value.isEmpty()) {
            problem = "requested_ack needs priority important or urgent";
        } else if (persistent && !URGENT.equals(value)) {
            problem = "persistent_notifications needs priority urgent";
        }
        if (problem != null) {
            return new Decision(null, problem);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("priority", value);
        if (priority.requestedAck() != null) {
            m.put("requested_ack", priority.requestedAck());
        }
        if (priority.persistentNotifications() != null) {
            m.put("persistent_notifications", priority.persistentNotifications());
        }
        return new Decision(m, null);
    }
}
