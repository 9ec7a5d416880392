package io.hookline.ingestor;

import io.hookline.runtime.config.ConfigKey;
import java.util.List;

/** The ingestor's own settings (the shared ones are in {@link io.hookline.runtime.config.Settings}). */
public final class IngestorSettings {

    public static final ConfigKey FAILURE_NOTICES = ConfigKey.of("hookline.failure-notices", "true",
            "when a delivery finally fails, tell the author of the triggering post with an ephemeral post in the "
                    + "same channel and thread (Mattermost says nothing)");
    public static final ConfigKey DEDUP_RETENTION_HOURS = ConfigKey.of("hookline.ingestor-dedup-retention-hours",
            "168", "how long the ingestor remembers a delivery id to drop a repeated outcome of it (hours)");

    public static final List<ConfigKey> ALL = List.of(FAILURE_NOTICES, DEDUP_RETENTION_HOURS);

    private IngestorSettings() {
    }
}
