package io.hookline.cli.console;

import io.hookline.cli.console.playground.PlaygroundApi;
import io.hookline.cli.hooks.HookFactory;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console: its API parts on one {@link ConsoleServer}, against the cluster of {@code config}. Started by
 * {@code hookline console} and by {@code hookline up}.
 */
public final class Console implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ConsoleServer server;
    private final List<ConsoleApi> apis;

    private Console(ConsoleServer server, List<ConsoleApi> apis) {
        this.server = server;
        this.apis = apis;
    }

    /**
     * Checks the settings, binds and serves.
     *
     * @param processes whose health and metrics the Pipeline page shows
     * @throws IllegalArgumentException naming the key when a setting is wrong (a non-loopback address without an
     *                                  admin token names both)
     */
    public static Console start(HooklineConfig config, List<OpsSource> processes) {
        return start(config, processes, HEARTBEAT);
    }

    static Console start(HooklineConfig config, List<OpsSource> processes, Duration heartbeat) {
        ConsoleSettings.Listen listen = ConsoleSettings.listen(config);
        List<ConsoleApi> apis = apis(config, processes, listen);
        try {
            Routes routes = new Routes();
            apis.forEach(api -> api.register(routes));
            return new Console(ConsoleServer.start(listen, routes, heartbeat), apis);
        } catch (RuntimeException e) {
            apis.forEach(Console::closeQuietly);
            throw e;
        }
    }

    /** Every part of the API, in the order of the pages. */
    private static List<ConsoleApi> apis(HooklineConfig config, List<OpsSource> processes,
                                         ConsoleSettings.Listen listen) {
        List<ConsoleApi> apis = new ArrayList<>();
        apis.add(routes -> routes.get("/api/console", request -> ApiResponse.ok(Map.of(
                "version", version(),
                "bootstrap_servers", config.require(Settings.BOOTSTRAP_SERVERS),
                "token_required", listen.adminToken() != null))));
        apis.add(new PlaygroundApi(config));
        apis.add(new HooksApi(config, HookFactory.secure()));
        apis.add(new DeliveriesApi(config));
        apis.add(new DeadLettersApi(config));
        apis.add(new PipelineApi(config, processes, PipelineApi.INTERVAL));
        return apis;
    }

    private static String version() {
        String v = Console.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /** Where a browser on this machine reaches the console. */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** How many event streams are open (tests check that closed tabs leave none). */
    int openStreams() {
        return server.openStreams();
    }

    @Override
    public void close() {
        server.close();
        apis.forEach(Console::closeQuietly);
    }

    private static void closeQuietly(ConsoleApi api) {
        try {
            api.close();
        } catch (RuntimeException e) {
            LOG.warn("closing a console part failed: {}", e.toString());
        }
    }
}
