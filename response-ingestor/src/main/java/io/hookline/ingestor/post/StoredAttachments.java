package io.hookline.ingestor.post;

import io.hookline.ingestor.response.AttachmentDecoder;
import io.hookline.ingestor.response.MessageAttachment;
import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.ingestor.slack.AttachmentSanitizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code attachments} prop of a post an integration wrote whole (an action's {@code update}, an ephemeral post)
 * as it may be stored: what Mattermost does to it on save, then Hookline's validity rules. Mattermost re-decodes the
 * attachments into its typed {@code MessageAttachment} whenever it saves a post or sends an ephemeral one
 * ({@code GenerateActionIds} via {@code Post.Attachments}): an attachment that does not decode is dropped, null
 * actions and fields are left out, unknown keys are lost, and a value that is not a list becomes null. The text is
 * kept as written (no Slack processing: Mattermost runs none on these). Every drop and removal is reported.
 */
public final class StoredAttachments {

    /** The props to store and, in plain words, what was removed from them. */
    public record Result(Map<String, Object> props, List<String> removed) {
        public Result {
            removed = List.copyOf(removed);
        }
    }

    private final AttachmentSanitizer sanitizer = AttachmentSanitizer.forStoredPosts();

    /**
     * A copy of {@code props} whose {@code attachments} (when present and not null) are decoded and sanitised;
     * {@code props} itself is left as it was.
     *
     * @param path where {@code props} sits in what the integration sent, naming what was removed (e.g.
     *             {@code update.props})
     */
    public Result apply(Map<String, Object> props, String path) {
        Map<String, Object> out = new LinkedHashMap<>(props);
        Object value = props.get(ResponsePostBuilder.PROP_ATTACHMENTS);
        String where = path + "." + ResponsePostBuilder.PROP_ATTACHMENTS;
        if (value == null) {
            return new Result(out, List.of());
        }
        if (!(value instanceof List<?> attachments)) {
            out.put(ResponsePostBuilder.PROP_ATTACHMENTS, null);
            return new Result(out, List.of(where + " is not a list: stored as null, as Mattermost stores it"));
        }
        List<Map<String, Object>> kept = new ArrayList<>(attachments.size());
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            String at = where + "[" + i + "]";
            MessageAttachment decoded;
            try {
                decoded = AttachmentDecoder.fromProps(attachments.get(i));
            } catch (ResponseFormatException e) {
                removed.add(at + " dropped, as Mattermost drops an attachment it cannot decode: " + e.getMessage());
                continue;
            }
            AttachmentSanitizer.Sanitized sanitized = sanitizer.sanitize(decoded, at);
            kept.add(sanitized.attachment());
            removed.addAll(sanitized.removed());
        }
        out.put(ResponsePostBuilder.PROP_ATTACHMENTS, kept);
        return new Result(out, removed);
    }
}
