package io.hookline.ingestor;

import io.hookline.runtime.config.ConfigKey;
import java.util.List;

/** The configuration keys only the ingestor reads (the shared ones are in {@link io.hookline.runtime.config.Settings}). */
public final class IngestorSettings {

    public static final ConfigKey ENABLE_POST_USERNAME_OVERRIDE = ConfigKey.of(
            "hookline.enable-post-username-override", "false",
            "Mattermost EnablePostUsernameOverride: response posts may set their username");
    public static final ConfigKey ENABLE_POST_ICON_OVERRIDE = ConfigKey.of("hookline.enable-post-icon-override",
            "false", "Mattermost EnablePostIconOverride: response posts may set their icon");
    public static final ConfigKey FAILURE_NOTICES = ConfigKey.of("hookline.failure-notices", "true",
            "when a delivery finally fails, tell the author of the triggering post with an ephemeral post in the "
                    + "same channel and thread (Mattermost says nothing)");
    public static final ConfigKey DEDUP_RETENTION_HOURS = ConfigKey.of("hookline.ingestor-dedup-retention-hours",
            "168", "how long the ingestor remembers a delivery id to drop a repeated outcome of it (hours)");

    public static final List<ConfigKey> ALL = List.of(ENABLE_POST_USERNAME_OVERRIDE, ENABLE_POST_ICON_OVERRIDE,
            FAILURE_NOTICES, DEDUP_RETENTION_HOURS);

    private IngestorSettings() {
    }
}
