package io.hookline.ingestor.response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import java.io.IOException;

/**
 * Decodes an integration's answer to a click as Mattermost does ({@code json.Unmarshal} of the body read through the
 * 1 MiB limit into {@code PostActionIntegrationResponse}): an empty body means nothing to do; otherwise the body must
 * be exactly one JSON value (whitespace around it allowed, so a blank body or anything after the value is invalid, as
 * a body cut at 1 MiB is); {@code null} is nothing to do; any other non-object, or a known field of the wrong JSON
 * type, makes the whole answer invalid. Keys match field names case-insensitively, as in Go.
 */
public final class ActionResponseReader {

    /**
     * @throws ResponseFormatException when Mattermost would refuse the body, saying why (never quoting it)
     */
    public PostActionIntegrationResponse read(String body) {
        if (body == null || body.isEmpty()) {
            return PostActionIntegrationResponse.none();
        }
        BodyTree tree;
        try (JsonParser parser = Json.mapper().getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                throw new ResponseFormatException("the response body is not valid JSON: it holds only whitespace");
            }
            tree = BodyTree.read(parser);
            if (parser.nextToken() != null) {
                throw new ResponseFormatException("the response body is not valid JSON: something follows its first "
                        + "value (line " + parser.currentLocation().getLineNr() + ", column "
                        + parser.currentLocation().getColumnNr() + ")");
            }
        } catch (JsonProcessingException e) {
            throw new ResponseFormatException("the response body is not valid JSON: " + JsonErrors.describe(e), e);
        } catch (IOException e) {
            throw new ResponseFormatException("the response body cannot be read: " + e.getMessage(), e);
        }
        JsonNode root = tree.root();
        if (root.isNull()) {
            return PostActionIntegrationResponse.none();
        }
        if (!root.isObject()) {
            throw new ResponseFormatException("the response body must be a JSON object, got "
                    + GoFields.describe(root));
        }
        GoFields r = GoFields.root(tree);
        return new PostActionIntegrationResponse(r.struct("update", ActionResponseReader::update),
                r.string("ephemeral_text"), r.bool("skip_slack_parsing"));
    }

    /** Mattermost's {@code Post}: every field is type-checked as Go would, the ones an update uses are kept. */
    private static PostActionIntegrationResponse.PostUpdate update(GoFields p) {
        for (String name : new String[] {"id", "user_id", "channel_id", "root_id", "original_id", "message_source",
                "type", "hashtags", "pending_post_id"}) {
            p.string(name);
        }
        for (String name : new String[] {"create_at", "update_at", "edit_at", "delete_at", "reply_count",
                "last_reply_at"}) {
            p.int64(name);
        }
        p.bool("is_pinned");
        p.bool("has_reactions");
        p.optionalString("remote_id");
        p.optionalBool("is_following");
        // a *User each; their own fields are not checked here (the update never uses them)
        p.structs("participants", user -> Boolean.TRUE);
        return new PostActionIntegrationResponse.PostUpdate(p.string("message"), p.map("props"),
                p.strings("file_ids"), p.map("metadata"));
    }
}
