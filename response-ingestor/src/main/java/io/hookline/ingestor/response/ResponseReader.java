package io.hookline.ingestor.response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a callback's body as Mattermost does ({@code json.NewDecoder(body).Decode(&OutgoingWebhookResponse)}):
 * an empty or blank body is no response at all; only the first JSON value is read (trailing bytes are ignored, as Go's
 * decoder ignores them: the dispatcher now records only that value, earlier versions recorded what followed too);
 * a known field of the wrong JSON type makes the whole body invalid.
 */
public final class ResponseReader {

    /**
     * The response, or empty when the body holds no JSON value.
     *
     * @throws ResponseFormatException when the body is not JSON or not shaped like a response, saying why
     */
    public Optional<WebhookResponse> read(String body) {
        if (body == null) {
            return Optional.empty();
        }
        BodyTree tree;
        try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            tree = BodyTree.read(parser);
        } catch (JsonProcessingException e) {
            throw new ResponseFormatException("the response body is not valid JSON: " + JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw new ResponseFormatException("the response body cannot be read: " + e.getMessage(), e);
        }
        return Optional.of(decode(tree));
    }

    private static WebhookResponse decode(BodyTree tree) {
        JsonNode root = tree.root();
        if (root == null || root.isNull()) {
            return new WebhookResponse(null, "", "", Map.of(), List.of(), "", "", null);
        }
        if (!root.isObject()) {
            throw new ResponseFormatException("the response body must be a JSON object, got " + GoFields.describe(root));
        }
        GoFields r = GoFields.root(tree);
        return new WebhookResponse(
                r.optionalString("text"),
                r.string("username"),
                r.string("icon_url"),
                r.map("props"),
                r.structs("attachments", AttachmentDecoder::attachment),
                r.string("type"),
                r.string("response_type"),
                r.struct("priority", ResponseReader::priority));
    }

    private static WebhookResponse.Priority priority(GoFields p) {
        // PostPriority's PostId and ChannelId carry no JSON name, so Go matches them by their field names.
        p.string("PostId");
        p.string("ChannelId");
        return new WebhookResponse.Priority(p.optionalString("priority"), p.optionalBool("requested_ack"),
                p.optionalBool("persistent_notifications"));
    }
}
