package io.hookline.cli.ops;

import io.hookline.runtime.config.ConfigKey;
import java.util.List;

/** Where a process serves {@code /health} and {@code /metrics}. */
public final class OpsSettings {

    public static final ConfigKey OPS_PORT = ConfigKey.of("hookline.ops-port", "9464",
            "port of the process's /health and /metrics HTTP endpoint: by default 9464 when free, else a free port "
                    + "(the ready line and the log say which); a port set explicitly must be free; 0: any free port; "
                    + "off: no endpoint");
    public static final ConfigKey OPS_ADDRESS = ConfigKey.of("hookline.ops-address", "0.0.0.0",
            "address the /health and /metrics endpoint listens on (127.0.0.1: this machine only)");

    public static final List<ConfigKey> ALL = List.of(OPS_PORT, OPS_ADDRESS);

    private OpsSettings() {
    }
}
