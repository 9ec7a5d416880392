package io.hookline.cli.ops;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.util.Locale;

/**
 * Where the ops endpoint listens ({@code hookline.ops-port}). Left at its default, {@link #DEFAULT_PORT} is only
 * preferred: a second Hookline process on the machine (say, another dispatcher) takes a free port instead and says
 * which. A port the operator sets explicitly is required: if it is taken, starting fails, since a scraper is pointed at
 * it. {@code 0} takes any free port; {@code off} serves nothing.
 *
 * @param port     the port to bind, 0 for any free one; meaningless when disabled
 * @param required whether a taken port fails the start rather than falling back to a free one
 */
public record OpsPort(boolean enabled, int port, boolean required) {

    /** Prometheus' registry of default ports lists 9464 for exporters like this one. */
    public static final int DEFAULT_PORT = 9464;

    public static OpsPort from(HooklineConfig config) {
        String key = OpsSettings.OPS_PORT.name();
        String value = config.require(OpsSettings.OPS_PORT).trim().toLowerCase(Locale.ROOT);
        boolean explicit = config.isExplicit(key);
        if (value.equals("off")) {
            return new OpsPort(false, 0, false);
        }
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(key + " must be a port (1-65535), 0 (any free port) or off, got '"
                    + value + "' (from " + config.sourceOf(key) + ")");
        }
        return new OpsPort(true, port, explicit && port != 0);
    }
}
