package io.hookline.ingestor.post;

import io.hookline.ingestor.IngestorSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;

/**
 * Mattermost's {@code EnablePostUsernameOverride} and {@code EnablePostIconOverride}: whether response posts may show
 * another name and icon than their author's.
 */
public record PostOverrides(boolean username, boolean icon) {

    public static PostOverrides from(HooklineConfig config) {
        return new PostOverrides(config.getBoolean(IngestorSettings.ENABLE_POST_USERNAME_OVERRIDE),
                config.getBoolean(IngestorSettings.ENABLE_POST_ICON_OVERRIDE));
    }
}
