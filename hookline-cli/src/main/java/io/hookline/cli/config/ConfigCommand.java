package io.hookline.cli.config;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.dispatcher.ssrf.AllowList;
import io.hookline.runtime.config.HooklineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline config}: the effective configuration, where each value comes from, secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration: every known key and every key set, its value (secrets "
                + "masked) and its source (--set, env NAME, file PATH or default); under "
                + "hookline.allowed-untrusted-internal-connections, how each entry was read (host, IP, CIDR or "
                + "ignored).",
        footer = {"", "Examples:", "  hookline config", "  hookline config --config prod.properties", "  hookline config --reference"})
public final class ConfigCommand extends HooklineSubcommand {

    @Option(names = "--reference", description = "Print the reference of every key (Markdown) instead.")
    boolean reference;

    @Override
    public Integer call() {
        if (reference) {
            out().print(ConfigTable.markdown(KnownKeys.byGroup()));
            return ExitCodes.OK;
        }
        HooklineConfig config = config();
        for (HooklineConfig.Entry e : config.describe(KnownKeys.all())) {
            out().println(e.key() + "=" + (e.value() == null ? "" : e.value()) + "    # " + e.source());
            if (e.key().equals(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name())) {
                // the three kinds of entry allow different things: show how each one was read
                for (AllowList.Entry entry : AllowList.parse(e.value()).entries()) {
                    out().println("#   " + entry.text() + " -> " + entry.reading());
                }
            }
        }
        return ExitCodes.OK;
    }
}
