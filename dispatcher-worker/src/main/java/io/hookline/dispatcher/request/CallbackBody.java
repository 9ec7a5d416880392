package io.hookline.dispatcher.request;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.trigger.WebhookPayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    public static final String JSON = io.hookline.schemas.hook.ContentTypes.JSON;
    public static final String FORM = io.hookline.schemas.hook.ContentTypes.FORM;

    /** Encodes {@code payload} for a hook whose {@code content_type} is {@code hookContentType}. */
    public static CallbackBody of(String hookContentType, WebhookPayload payload) {
        return JSON.equals(hookContentType) ? json(payload) : form(payload);
    }

    /** Where the twelve fields go: JSON writes the timestamp as a number, the form as text in seconds. */
    private interface Fields {
        void text(String name, String value) throws IOException;

        void timestamp(long millis) throws IOException;
    }

    /** Mattermost's twelve fields, in its order (the JSON keeps it; the form sorts). */
    private static void write(WebhookPayload p, Fields out) throws IOException {
        out.text("token", p.token());
        out.text("team_id", p.teamId());
        out.text("team_domain", p.teamDomain());
        out.text("channel_id", p.channelId());
        out.text("channel_name", p.channelName());
        out.timestamp(p.timestamp());
        out.text("user_id", p.userId());
        out.text("user_name", p.userName());
        out.text("post_id", p.postId());
        out.text("text", p.text());
        out.text("trigger_word", p.triggerWord());
        out.text("file_ids", p.fileIds());
    }

    /** Written field by field with a generator: building a tree first cost twice as much per delivery. */
    static CallbackBody json(WebhookPayload p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            write(p, new Fields() {
                @Override
                public void text(String name, String value) throws IOException {
                    g.writeStringField(name, value);
                }

                @Override
                public void timestamp(long millis) throws IOException {
                    g.writeNumberField("timestamp", millis);
                }
            });
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("strings and a number always serialise to memory", e);
        }
        return new CallbackBody(JSON, out.toByteArray());
    }

    static CallbackBody form(WebhookPayload p) {
        Map<String, String> fields = new TreeMap<>();
        try {
            write(p, new Fields() {
                @Override
                public void text(String name, String value) {
                    fields.put(name, value);
                }

                @Override
                public void timestamp(long millis) {
                    fields.put("timestamp", Long.toString(millis / 1000));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("a map does not fail", e);
        }
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
