package io.hookline.runtime.http;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import java.util.Locale;

/**
 * Where one of Hookline's HTTP endpoints listens, read from its port key, with one rule for every such key. Left at its
 * default, the key's port is only preferred: a second Hookline process on the machine takes a free port instead and
 * says which. A port the operator sets explicitly is required: if it is taken, starting fails, since something is
 * pointed at it. {@code 0} takes any free port; {@code off} serves nothing.
 *
 * @param port     the port to bind, 0 for any free one; meaningless when disabled
 * @param required whether a taken port fails the start rather than falling back to a free one
 */
public record ListenPort(boolean enabled, int port, boolean required) {

    public static final String OFF = "off";

    /** The port {@code key} gives: its value, or its default (which must be a port, 0 or off). */
    public static ListenPort from(HooklineConfig config, ConfigKey key) {
        String value = config.require(key).trim().toLowerCase(Locale.ROOT);
        if (value.equals(OFF)) {
            return new ListenPort(false, 0, false);
        }
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(key.name() + " must be a port (1-65535), 0 (any free port) or off, got '"
                    + value + "' (from " + config.sourceOf(key.name()) + ")");
        }
        return new ListenPort(true, port, config.isExplicit(key.name()) && port != 0);
    }
}
