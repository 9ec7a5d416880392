package io.hookline.schemas.trigger;

/**
 * Mattermost's {@code OutgoingWebhookPayload}: the 12 fields POSTed to a callback URL. {@code timestamp} is the post's
 * {@code create_at} in milliseconds (form-encoded requests send seconds); {@code file_ids} is comma-joined.
 */
public record WebhookPayload(
        String token,
        String teamId,
        String teamDomain,
        String channelId,
        String channelName,
        long timestamp,
        String userId,
        String userName,
        String postId,
        String text,
        String triggerWord,
        String fileIds) {

    public WebhookPayload {
        token = orEmpty(token);
        teamId = orEmpty(teamId);
        teamDomain = orEmpty(teamDomain);
        channelId = orEmpty(channelId);
        channelName = orEmpty(channelName);
        userId = orEmpty(userId);
        userName = orEmpty(userName);
        postId = orEmpty(postId);
        text = orEmpty(text);
        triggerWord = orEmpty(triggerWord);
        fileIds = orEmpty(fileIds);
    }

    /** The same payload without its token. */
    public WebhookPayload withoutToken() {
        return withToken("");
    }

    /** This payload carrying {@code token}: a redelivery sends the hook's current token. */
    public WebhookPayload withToken(String token) {
        return new WebhookPayload(token, teamId, teamDomain, channelId, channelName, timestamp, userId, userName, postId,
                text, triggerWord, fileIds);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
