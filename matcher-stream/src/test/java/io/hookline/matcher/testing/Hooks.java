package io.hookline.matcher.testing;

import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.Ids;
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
        private OutgoingWebhook hook;

        Builder(String name) {
            hook = new OutgoingWebhook(Hooks.id(name), TOKEN, 1_700_000_000_000L, 1_700_000_000_000L, 0,
                    Ids.deterministic("user", "creator"), "", Posts.TEAM, List.of(), 0,
                    List.of("http://127.0.0.1:9/hook"), "Test hook", "", ContentTypes.JSON, "", "",
                    null);
        }

        public Builder id(String v) { hook = hook.withId(v); return this; }
        public Builder token(String v) { hook = hook.withToken(v); return this; }
        public Builder updateAt(long v) { hook = hook.withUpdateAt(v); return this; }
        public Builder deleteAt(long v) { hook = hook.withDeleteAt(v); return this; }
        public Builder creator(String v) { hook = hook.withCreatorId(v); return this; }
        public Builder channel(String v) { hook = hook.withChannelId(v); return this; }
        public Builder team(String v) { hook = hook.withTeamId(v); return this; }
        public Builder words(String... v) { hook = hook.withTriggerWords(List.of(v)); return this; }
        public Builder words(List<String> v) { hook = hook.withTriggerWords(v); return this; }
        public Builder when(int v) { hook = hook.withTriggerWhen(v); return this; }
        public Builder urls(String... v) { hook = hook.withCallbackUrls(List.of(v)); return this; }
        public Builder displayName(String v) { hook = hook.withDisplayName(v); return this; }
        public Builder contentType(String v) { hook = hook.withContentType(v); return this; }
        public Builder username(String v) { hook = hook.withUsername(v); return this; }
        public Builder iconUrl(String v) { hook = hook.withIconUrl(v); return this; }
        public Builder secret(String v) { hook = hook.withSigningSecret(v); return this; }

        public OutgoingWebhook build() {
            return hook;
        }
    }
}
