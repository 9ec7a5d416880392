package io.hookline.ingestor.response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a callback's body as Mattermost does ({@code json.NewDecoder(body).Decode(&OutgoingWebhookResponse)}):
 * an empty or blank body is no response at all; only the first JSON value is read (trailing bytes are ignored, as Go's
 * decoder ignores them); a known field of the wrong JSON type makes the whole body invalid.
 */
public final class ResponseReader {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ObjectReader TREE = Json.mapper().readerFor(JsonNode.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The response, or empty when the body holds no JSON value.
     *
     * @throws ResponseFormatException when the body is not JSON or not shaped like a response, saying why
     */
    public Optional<WebhookResponse> read(String body) {
        if (body == null) {
            return Optional.empty();
        }
        JsonNode root;
        try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            root = TREE.readValue(parser);
        } catch (JsonProcessingException e) {
            throw new ResponseFormatException("the response body is not valid JSON: " + JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw new ResponseFormatException("the response body cannot be read: " + e.getMessage(), e);
        }
        return Optional.of(decode(root));
    }

    private static WebhookResponse decode(JsonNode root) {
        if (root == null || root.isNull()) {
            return new WebhookResponse(null, "", "", Map.of(), List.of(), "", "", null);
        }
        if (!root.isObject()) {
            throw new ResponseFormatException("the response body must be a JSON object, got " + GoFields.describe(root));
        }
        GoFields r = GoFields.of(root, "");
        return new WebhookResponse(
                r.optionalString("text"),
                r.string("username"),
                r.string("icon_url"),
                map(r.get("props"), "props"),
                attachments(r.get("attachments")),
                r.string("type"),
                r.string("response_type"),
                priority(GoFields.of(r.get("priority"), "priority")));
    }

    private static WebhookResponse.Priority priority(GoFields p) {
        if (p == null) {
            return null;
        }
        return new WebhookResponse.Priority(p.optionalString("priority"), p.optionalBool("requested_ack"),
                p.optionalBool("persistent_notifications"));
    }

    private static List<MessageAttachment> attachments(JsonNode value) {
        List<MessageAttachment> list = new ArrayList<>();
        if (value == null) {
            return list;
        }
        if (!value.isArray()) {
            throw GoFields.wrongType("attachments", "an array", value);
        }
        for (int i = 0; i < value.size(); i++) {
            GoFields a = GoFields.of(value.get(i), "attachments[" + i + "]");
            if (a != null) {
                list.add(attachment(a, "attachments[" + i + "]"));
            }
        }
        return list;
    }

    private static MessageAttachment attachment(GoFields a, String path) {
        return new MessageAttachment(
                a.int64("id"),
                a.string("fallback"),
                a.string("color"),
                a.string("pretext"),
                a.string("author_name"),
                a.string("author_link"),
                a.string("author_icon"),
                a.string("title"),
                a.string("title_link"),
                a.string("text"),
                fields(a.get("fields"), path + ".fields"),
                a.string("image_url"),
                a.string("thumb_url"),
                a.string("footer"),
                a.string("footer_icon"),
                a.get("ts"),
                actions(a.get("actions"), path + ".actions"));
    }

    private static List<MessageAttachment.Field> fields(JsonNode value, String path) {
        List<MessageAttachment.Field> list = new ArrayList<>();
        if (value == null) {
            return list;
        }
        if (!value.isArray()) {
            throw GoFields.wrongType(path, "an array", value);
        }
        for (int i = 0; i < value.size(); i++) {
            String at = path + "[" + i + "]";
            GoFields f = GoFields.of(value.get(i), at);
            if (f != null) {
                list.add(new MessageAttachment.Field(f.string("title"), f.get("value"), slackBool(f, "short")));
            }
        }
        return list;
    }

    /**
     * Mattermost's {@code SlackCompatibleBool}: {@code true}, {@code false}, {@code "true"} or {@code "false"}, letter
     * case ignored; anything else makes the response invalid. (A JSON null, which Go also refuses here, is read as
     * false.)
     */
    private static boolean slackBool(GoFields f, String name) {
        JsonNode v = f.get(name);
        if (v == null) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
            return v.textValue().equalsIgnoreCase("true");
        }
        throw GoFields.wrongType(f.path(name), "true, false, \"true\" or \"false\"", v);
    }

    private static List<MessageAttachment.Action> actions(JsonNode value, String path) {
        List<MessageAttachment.Action> list = new ArrayList<>();
        if (value == null) {
            return list;
        }
        if (!value.isArray()) {
            throw GoFields.wrongType(path, "an array", value);
        }
        for (int i = 0; i < value.size(); i++) {
            String at = path + "[" + i + "]";
            GoFields a = GoFields.of(value.get(i), at);
            if (a != null) {
                list.add(new MessageAttachment.Action(a.string("id"), a.string("type"), a.string("name"),
                        a.bool("disabled"), a.string("style"), a.string("data_source"),
                        options(a.get("options"), at + ".options"), a.string("default_option"),
                        integration(GoFields.of(a.get("integration"), at + ".integration"))));
            }
        }
        return list;
    }

    private static List<MessageAttachment.Option> options(JsonNode value, String path) {
        List<MessageAttachment.Option> list = new ArrayList<>();
        if (value == null) {
            return list;
        }
        if (!value.isArray()) {
            throw GoFields.wrongType(path, "an array", value);
        }
        for (int i = 0; i < value.size(); i++) {
            GoFields o = GoFields.of(value.get(i), path + "[" + i + "]");
            // A null option makes a select invalid in Mattermost; an empty one is dropped by the same rule later.
            list.add(o == null ? new MessageAttachment.Option("", "")
                    : new MessageAttachment.Option(o.string("text"), o.string("value")));
        }
        return list;
    }

    private static MessageAttachment.Integration integration(GoFields i) {
        if (i == null) {
            return null;
        }
        return new MessageAttachment.Integration(i.string("url"), map(i.get("context"), i.path("context")));
    }

    private static Map<String, Object> map(JsonNode value, String path) {
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw GoFields.wrongType(path, "an object", value);
        }
        return Json.mapper().convertValue(value, MAP);
    }
}
