package io.hookline.matcher;

import io.hookline.runtime.config.ConfigKey;
import java.util.List;

/** The configuration keys only the matcher reads. */
public final class MatcherSettings {

    public static final ConfigKey ENABLE_OUTGOING_WEBHOOKS = ConfigKey.of("hookline.enable-outgoing-webhooks", "true",
            "Mattermost EnableOutgoingWebhooks: when false no post triggers any hook");

    public static final ConfigKey POST_FETCH_WAIT = ConfigKey.of("hookline.matcher.post-fetch-wait", "0",
            "how long the broker may hold the matcher's fetch of posts to gather more of them (its main consumer's "
            + "fetch.max.wait.ms, with fetch.min.bytes 1 MiB; at most 500ms): 0 hands each post over at once; at "
            + "hundreds of posts per second and more a wait makes fuller batches and fewer fetches and transactions "
            + "(20ms, measured: 14 % less CPU per reply for the whole pipeline at 1,000 posts/s, the same latency), but every "
            + "post may wait that long when posts are few (20ms: p50 +15 ms at 100 posts/s, same CPU), and an idle "
            + "matcher fetches once per wait; a fetch.max.wait.ms or fetch.min.bytes setting wins");

    public static final List<ConfigKey> ALL = List.of(ENABLE_OUTGOING_WEBHOOKS, POST_FETCH_WAIT);

    private MatcherSettings() {
    }
}
