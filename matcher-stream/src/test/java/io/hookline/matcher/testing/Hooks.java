package io.hookline.matcher.testing;

import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.http.ContentTypes;
import io.hookline.schemas.id.Ids;
import java.util.List;

/** Valid hooks for tests, changed one field at a time. */
public final class Hooks {

    public static final String TOKEN = "tokentokentokentokentoken1";
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private Hooks() {
    }

    public static String id(String name) {
        return Ids.deterministic("hook", name);
    }

    /** A valid live hook of {@code team} firing on the exact first word {@code word} in every channel. */
    public static OutgoingWebhook exact(String name, String team, String... words) {
        return new Builder(name).team(team).words(words).build();
    }

    public static Builder hook(String name) {
        return new Builder(name);
    }

    /** Builder with valid defaults; every setter replaces one field. */
    public static final class Builder {
        private String id;
        private String token = TOKEN;
        private long createAt = 1_700_000_000_000L;
        private long updateAt = 1_700_000_000_000L;
        private long deleteAt;
        private String creatorId = Ids.deterministic("user", "creator");
        private String channelId = "";
        private String teamId = Posts.TEAM;
        private List<String> triggerWords = List.of();
        private int triggerWhen;
        private List<String> callbackUrls = List.of("http://127.0.0.1:9/hook");
        private String displayName = "Test hook";
        private String description = "";
        private String contentType = ContentTypes.JSON;
        private String username = "";
        private String iconUrl = "";
        private String signingSecret;

        Builder(String name) {
            this.id = Hooks.id(name);
        }

        public Builder id(String v) { id = v; return this; }
        public Builder token(String v) { token = v; return this; }
        public Builder updateAt(long v) { updateAt = v; return this; }
        public Builder deleteAt(long v) { deleteAt = v; return this; }
        public Builder creator(String v) { creatorId = v; return this; }
        public Builder channel(String v) { channelId = v; return this; }
        public Builder team(String v) { teamId = v; return this; }
        public Builder words(String... v) { triggerWords = List.of(v); return this; }
        public Builder words(List<String> v) { triggerWords = v; return this; }
        public Builder when(int v) { triggerWhen = v; return this; }
        public Builder urls(String... v) { callbackUrls = List.of(v); return this; }
        public Builder displayName(String v) { displayName = v; return this; }
        public Builder contentType(String v) { contentType = v; return this; }
        public Builder username(String v) { username = v; return this; }
        public Builder iconUrl(String v) { iconUrl = v; return this; }
        public Builder secret(String v) { signingSecret = v; return this; }

        public OutgoingWebhook build() {
            return new OutgoingWebhook(id, token, createAt, updateAt, deleteAt, creatorId, channelId, teamId,
                    triggerWords, triggerWhen, callbackUrls, displayName, description, contentType, username,
                    iconUrl, signingSecret);
        }
    }
}
