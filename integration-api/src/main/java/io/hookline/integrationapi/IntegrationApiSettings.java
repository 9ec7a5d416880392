package io.hookline.integrationapi;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.http.ListenPort;
import java.util.ArrayList;
import java.util.List;

/** The configuration keys the integration API reads: where it listens, and the shared keys it honours. */
public final class IntegrationApiSettings {

    /**
     * Mattermost listens on 8065; so does {@code hookline echo-server} by default, the callback URL of the quick start,
     * so the API prefers the port after it.
     */
    public static final int DEFAULT_PORT = 8066;

    public static final ConfigKey ADDRESS = ConfigKey.of("hookline.integration-api-address", "127.0.0.1",
            "address the integration API (Mattermost's /api/v4/actions/dialogs/open and /api/v4/config/client) "
                    + "listens on; 0.0.0.0 to let integrations on other machines call it");
    public static final ConfigKey PORT = ConfigKey.of("hookline.integration-api-port",
            Integer.toString(DEFAULT_PORT),
            "port of the integration API: by default " + DEFAULT_PORT + " when free, else a free port (the ready "
                    + "line and the log say which); a port set explicitly must be free; 0: any free port; off: no "
                    + "integration API");

    /** The integration API's own keys. */
    public static final List<ConfigKey> OWN = List.of(ADDRESS, PORT);

    /** Shared keys it honours: the trigger ids' lifetime is the outgoing integration requests timeout. */
    public static final List<ConfigKey> SHARED = List.of(Settings.BOOTSTRAP_SERVERS, Settings.APPLICATION_ID_PREFIX,
            Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT);

    /** Every key it reads (its own first). */
    public static final List<ConfigKey> ALL = concat(OWN, SHARED);

    private IntegrationApiSettings() {
    }

    /** Where the API listens; {@code enabled() == false} when its port is {@code off}. */
    public static ListenPort port(HooklineConfig config) {
        return ListenPort.from(config, PORT);
    }

    private static List<ConfigKey> concat(List<ConfigKey> a, List<ConfigKey> b) {
        List<ConfigKey> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
