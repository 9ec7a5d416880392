package io.hookline.cli;

import io.hookline.cli.run.StopSignal;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every leaf command shares: the global options, the configuration they select, and its output streams. */
public abstract class HooklineSubcommand implements Callable<Integer> {

    /** Where client commands look for Kafka when nothing configures it: the port {@code hookline up} prefers. */
    public static final String LOCAL_BOOTSTRAP_SERVERS = "127.0.0.1:9092";

    @Mixin
    protected GlobalOptions globalOptions;

    @Spec
    protected CommandSpec spec;

    /** The configuration exactly as given (no bootstrap default). */
    protected HooklineConfig config() {
        return globalOptions.load(environment());
    }

    /** The configuration with {@link #LOCAL_BOOTSTRAP_SERVERS} when no bootstrap servers are configured. */
    protected HooklineConfig clientConfig() {
        HooklineConfig config = config();
        String servers = config.get(Settings.BOOTSTRAP_SERVERS);
        return servers == null || servers.isBlank()
                ? config.with(Settings.BOOTSTRAP_SERVERS.name(), LOCAL_BOOTSTRAP_SERVERS) : config;
    }

    protected Map<String, String> environment() {
        return ((HooklineCommand) spec.root().userObject()).environment();
    }

    protected StopSignal stopSignal() {
        return ((HooklineCommand) spec.root().userObject()).stopSignal();
    }

    protected InputStream stdin() {
        return ((HooklineCommand) spec.root().userObject()).stdin();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
