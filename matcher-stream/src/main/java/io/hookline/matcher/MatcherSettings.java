package io.hookline.matcher;

import io.hookline.runtime.config.ConfigKey;
import java.util.List;

/** The configuration keys only the matcher reads. */
public final class MatcherSettings {

    public static final ConfigKey ENABLE_OUTGOING_WEBHOOKS = ConfigKey.of("hookline.enable-outgoing-webhooks", "true",
            "Mattermost EnableOutgoingWebhooks: when false no post triggers any hook");

    public static final List<ConfigKey> ALL = List.of(ENABLE_OUTGOING_WEBHOOKS);

    private MatcherSettings() {
    }
}
