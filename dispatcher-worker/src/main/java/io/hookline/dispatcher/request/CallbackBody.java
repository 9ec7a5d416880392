package io.hookline.dispatcher.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.trigger.WebhookPayload;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body Mattermost POSTs to a callback URL (its {@code OutgoingWebhookPayload}), encoded as the hook asks: JSON when
 * the content type is exactly {@code application/json} (timestamp in milliseconds), form-urlencoded otherwise
 * (timestamp in seconds, keys sorted as Go's {@code url.Values.Encode} sorts them).
 *
 * @param contentType the Content-Type header to send
 * @param bytes       the exact body bytes (the signature covers these)
 */
public record CallbackBody(String contentType, byte[] bytes) {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    /** Encodes {@code payload} for a hook whose {@code content_type} is {@code hookContentType}. */
    public static CallbackBody of(String hookContentType, WebhookPayload payload) {
        return JSON.equals(hookContentType) ? json(payload) : form(payload);
    }

    static CallbackBody json(WebhookPayload p) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("token", p.token());
        node.put("team_id", p.teamId());
        node.put("team_domain", p.teamDomain());
        node.put("channel_id", p.channelId());
        node.put("channel_name", p.channelName());
        node.put("timestamp", p.timestamp());
        node.put("user_id", p.userId());
        node.put("user_name", p.userName());
        node.put("post_id", p.postId());
        node.put("text", p.text());
        node.put("trigger_word", p.triggerWord());
        node.put("file_ids", p.fileIds());
        try {
            return new CallbackBody(JSON, Json.mapper().writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and a number always serialises", e);
        }
    }

    static CallbackBody form(WebhookPayload p) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("token", p.token());
        fields.put("team_id", p.teamId());
        fields.put("team_domain", p.teamDomain());
        fields.put("channel_id", p.channelId());
        fields.put("channel_name", p.channelName());
        fields.put("timestamp", Long.toString(p.timestamp() / 1000));
        fields.put("user_id", p.userId());
        fields.put("user_name", p.userName());
        fields.put("post_id", p.postId());
        fields.put("text", p.text());
        fields.put("trigger_word", p.triggerWord());
        fields.put("file_ids", p.fileIds());
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return new CallbackBody(FORM, out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
