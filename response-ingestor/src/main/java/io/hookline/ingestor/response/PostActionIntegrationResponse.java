package io.hookline.ingestor.response;

import java.util.List;
import java.util.Map;

/**
 * Mattermost's {@code PostActionIntegrationResponse}, decoded from an integration's answer to a click. Unknown keys are
 * ignored, as in Mattermost (v11.6 has no {@code goto_location} and no {@code error} here).
 *
 * @param update           null when absent or null
 * @param ephemeralText    "" when absent
 * @param skipSlackParsing whether {@code ephemeral_text} is shown without Slack-link rewriting
 */
public record PostActionIntegrationResponse(PostUpdate update, String ephemeralText, boolean skipSlackParsing) {

    public PostActionIntegrationResponse {
        ephemeralText = ephemeralText == null ? "" : ephemeralText;
    }

    /** The response to an empty or {@code null} body: nothing to do. */
    public static PostActionIntegrationResponse none() {
        return new PostActionIntegrationResponse(null, "", false);
    }

    /**
     * The fields of the {@code update} post Mattermost's non-safe {@code UpdatePost} takes from it; every other field
     * of the update is decoded (a wrong type still makes the answer invalid) and then ignored, as Mattermost ignores
     * it.
     *
     * @param message  "" when omitted: an update without a message empties the post's
     * @param props    null when absent or null (the original props are kept); otherwise they replace all props
     * @param fileIds  null when omitted (the post loses its files)
     * @param metadata null when absent (the post's metadata is kept)
     */
    public record PostUpdate(String message, Map<String, Object> props, List<String> fileIds,
                             Map<String, Object> metadata) {

        public PostUpdate {
            message = message == null ? "" : message;
        }
    }
}
