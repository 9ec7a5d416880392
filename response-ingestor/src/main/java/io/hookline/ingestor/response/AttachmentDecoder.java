package io.hookline.ingestor.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.serde.Json;
import java.util.Map;

/**
 * Mattermost's typed {@code MessageAttachment} ({@code model/message_attachment.go}, {@code PostAction}), decoded the
 * way Go's {@code encoding/json} fills it. One decoder for both places Mattermost decodes attachments: a webhook's
 * answer (where a field of the wrong type makes the whole answer invalid) and a post being saved, whose
 * {@code props.attachments} are re-decoded one by one ({@code Post.Attachments}).
 */
public final class AttachmentDecoder {

    private AttachmentDecoder() {
    }

    /**
     * One element of a post's {@code props.attachments} as {@code Post.Attachments} re-decodes it when the post is
     * saved: JSON null is an empty attachment (Go decodes null into the zero struct); null actions and null fields are
     * left out.
     *
     * @param value the element as decoded into plain Java values (maps, lists, strings, numbers, booleans, null)
     * @throws ResponseFormatException when Go's decoder refuses it (Mattermost then drops the attachment), naming the
     *                                 field and never quoting its value
     */
    public static MessageAttachment fromProps(Object value) {
        JsonNode node = Json.mapper().valueToTree(value);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return attachment(GoFields.root(new BodyTree(Json.mapper().createObjectNode(), Map.of())));
        }
        if (!node.isObject()) {
            throw new ResponseFormatException("it must be an object, got " + GoFields.describe(node));
        }
        return attachment(GoFields.root(new BodyTree((ObjectNode) node, Map.of())));
    }

    /** Null for a JSON null element: it is left out. */
    static MessageAttachment attachment(GoFields a) {
        if (a == null) {
            return null;
        }
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
                a.structs("fields", AttachmentDecoder::field),
                a.string("image_url"),
                a.string("thumb_url"),
                a.string("footer"),
                a.string("footer_icon"),
                a.any("ts"),
                a.structs("actions", AttachmentDecoder::action));
    }

    /** Null for a JSON null element: it is left out. */
    private static MessageAttachment.Field field(GoFields f) {
        return f == null ? null : new MessageAttachment.Field(f.string("title"), f.any("value"), f.slackBool("short"));
    }

    /** Null for a JSON null element: it is left out. */
    private static MessageAttachment.Action action(GoFields a) {
        if (a == null) {
            return null;
        }
        a.string("cookie"); // set by the chat server, never kept, but Go still checks its type
        return new MessageAttachment.Action(a.string("id"), a.string("type"), a.string("name"), a.string("tooltip"),
                a.bool("disabled"), a.string("style"), a.string("data_source"),
                a.structs("options", AttachmentDecoder::option), a.string("default_option"),
                a.struct("integration", AttachmentDecoder::integration));
    }

    private static MessageAttachment.Option option(GoFields o) {
        // A null option makes a select invalid in Mattermost; an empty one is dropped by the same rule later.
        return o == null ? new MessageAttachment.Option("", "") : new MessageAttachment.Option(o.string("text"),
                o.string("value"));
    }

    private static MessageAttachment.Integration integration(GoFields i) {
        return new MessageAttachment.Integration(i.string("url"), i.map("context"));
    }
}
