package io.hookline.cli.console;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.http.ListenPort;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

/** The configuration keys of the web console: where it listens and the admin token it may require. */
public final class ConsoleSettings {

    /** The port after the integration API's (8066), itself after Mattermost's 8065. */
    public static final int DEFAULT_PORT = 8068;

    public static final ConfigKey ADDRESS = ConfigKey.of("hookline.console-address", "127.0.0.1",
            "address the web console listens on; any address other than a loopback one requires "
                    + "hookline.console-admin-token");
    public static final ConfigKey PORT = ConfigKey.of("hookline.console-port", Integer.toString(DEFAULT_PORT),
            "port of the web console: by default " + DEFAULT_PORT + " when free, else a free port (the ready line "
                    + "says which); a port set explicitly must be free; 0: any free port; off: no console in "
                    + "hookline up");
    public static final ConfigKey ADMIN_TOKEN = ConfigKey.of("hookline.console-admin-token", null,
            "when set, every request to the console's API must carry it as 'Authorization: Bearer <token>' (the "
                    + "page asks for it once per browser tab); required when the console listens on a "
                    + "non-loopback address");

    public static final List<ConfigKey> ALL = List.of(ADDRESS, PORT, ADMIN_TOKEN);

    private ConsoleSettings() {
    }

    /** Where the console listens; {@code enabled() == false} when its port is {@code off}. */
    public static ListenPort port(HooklineConfig config) {
        return ListenPort.from(config, PORT);
    }

    /**
     * Where and how the console listens, checked: an address other than loopback needs an admin token, since anyone
     * who reaches the port could otherwise manage the hooks.
     *
     * @throws IllegalArgumentException naming both keys when a non-loopback address has no token, or naming the
     *                                  address key when it does not resolve
     */
    public static Listen listen(HooklineConfig config) {
        String address = config.require(ADDRESS).trim();
        String token = config.get(ADMIN_TOKEN);
        token = token == null || token.isBlank() ? null : token.trim();
        boolean loopback;
        try {
            loopback = InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException(ADDRESS.name() + ": cannot resolve '" + address + "': "
                    + e.getMessage());
        }
        if (!loopback && token == null) {
            throw new IllegalArgumentException(ADDRESS.name() + "=" + address + " is not a loopback address: set "
                    + ADMIN_TOKEN.name() + " so that only those who have it can manage Hookline, or keep "
                    + ADDRESS.name() + "=127.0.0.1");
        }
        return new Listen(address, port(config), loopback, token);
    }

    /**
     * @param loopback   whether the address is a loopback one (then only loopback host names are accepted)
     * @param adminToken null when no token is required
     */
    public record Listen(String address, ListenPort port, boolean loopback, String adminToken) {

        @Override
        public String toString() {
            // never print the token
            return "Listen[" + address + ":" + port + ", loopback=" + loopback + ", token="
                    + (adminToken == null ? "none" : "****") + "]";
        }
    }
}
