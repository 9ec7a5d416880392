package io.hookline.schemas.trigger;

/**
 * Mattermost's {@code OutgoingWebhookPayload}: the 12 fields POSTed to a callback URL. {@code timestamp} is the post's
 * {@code create_at} in milliseconds (form-encoded requests send seconds); {@code file_ids} is comma-joined. On the
 * topics {@code token} is empty: the dispatcher fills in the hook's token when it builds the request.
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

    /** This payload carrying {@code token}: the dispatcher sends the hook's token as it is at send time. */
    public WebhookPayload withToken(String token) {
        return new WebhookPayload(token, teamId, teamDomain, channelId, channelName, timestamp, userId, userName, postId,
                text, triggerWord, fileIds);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
