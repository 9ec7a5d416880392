package io.hookline.dispatcher.request;

import io.hookline.schemas.serde.GoJson;
import io.hookline.schemas.trigger.WebhookPayload;
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
        void text(String name, String value);

        void timestamp(long millis);
    }

    /** Mattermost's twelve fields, in its order (the JSON keeps it; the form sorts). */
    private static void write(WebhookPayload p, Fields out) {
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

    /**
     * Go's {@code encoding/json} output ({@link GoJson}): Jackson escapes differently, and a receiver that compares
     * bytes or signs them must see what Mattermost sends.
     */
    static CallbackBody json(WebhookPayload p) {
        GoJson.Struct out = GoJson.struct();
        write(p, new Fields() {
            @Override
            public void text(String name, String value) {
                out.string(name, value);
            }

            @Override
            public void timestamp(long millis) {
                out.number("timestamp", millis);
            }
        });
        return new CallbackBody(JSON, out.bytes());
    }

    /** Go's {@code url.Values.Encode}: keys sorted, keys and values through {@code url.QueryEscape}. */
    static CallbackBody form(WebhookPayload p) {
        Map<String, String> fields = new TreeMap<>();
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
        StringBuilder out = new StringBuilder(512);
        fields.forEach((k, v) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            queryEscape(out, k);
            out.append('=');
            queryEscape(out, v);
        });
        return new CallbackBody(FORM, out.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    /** Go's {@code url.QueryEscape} over the UTF-8 bytes: only {@code A-Za-z0-9-_.~} stay, a space becomes +. */
    private static void queryEscape(StringBuilder out, String s) {
        for (byte b : goString(s).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xF]);
            }
        }
    }

    /**
     * The text as a Go string holds it: Mattermost's JSON decoder turns an unpaired surrogate ({@code "\\ud800"})
     * into U+FFFD, where Java keeps the lone char (and its UTF-8 encoder would write {@code ?}).
     */
    private static String goString(CharSequence s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? s.toString() : out.toString();
    }
}
