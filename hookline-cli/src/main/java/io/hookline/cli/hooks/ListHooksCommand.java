package io.hookline.cli.hooks;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.topic.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline hooks list}: the live and rejected hooks of the compacted topic, secrets masked. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the hooks (webhook-configs read to its end) with their status: live, or rejected (the",
                "latest record is invalid, so the hook does not fire) with the reason. Token and signing secrets",
                "are masked. Reading a large topic reports its progress on stderr after a few seconds."},
        footer = {"", "Examples:", "  hookline hooks list", "  hookline hooks list --output json"})
public final class ListHooksCommand extends HooklineSubcommand {

    @Option(names = {"--output", "-o"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (one hook per line); default: ${DEFAULT-VALUE}.")
    HookOutput output;

    @Override
    public Integer call() throws Exception {
        HooklineConfig config = clientConfig();
        HookTable table = HookStore.open(config, err()).read();
        output.printAll(out(), table.states().values());
        if (table.keyless() > 0) {
            err().println("warning: " + table.keyless() + " record(s) of "
                    + TopicSettings.topics(config).webhookConfigs() + " have no key, so they are no hook's, and were "
                    + "skipped");
        }
        return ExitCodes.OK;
    }
}
