package io.hookline.cli.console.playground;

import java.util.Map;

/**
 * Something the playground's channel view must learn, and who may see it: everyone looking at a channel, one user in
 * it (an ephemeral post), or one user wherever they look (a click's result, a dialog: Mattermost sends those to all of
 * the user's connections).
 *
 * @param name      the event's name on the stream: {@code post}, {@code action_result}, {@code open_dialog},
 *                  {@code dialog_result}, {@code lookup_result}
 * @param channelId the channel it belongs to; null for any channel
 * @param userId    the one user it is for; null for everyone in the channel
 * @param data      the event's JSON
 */
record ViewEvent(String name, String channelId, String userId, Map<String, Object> data) {

    static final String POST = "post";
    static final String ACTION_RESULT = "action_result";
    static final String OPEN_DIALOG = "open_dialog";
    static final String DIALOG_RESULT = "dialog_result";
    static final String LOOKUP_RESULT = "lookup_result";

    /** Whether a page showing {@code channel} to {@code user} receives it. */
    boolean isFor(String channel, String user) {
        return (channelId == null || channelId.equals(channel)) && (userId == null || userId.equals(user));
    }
}
