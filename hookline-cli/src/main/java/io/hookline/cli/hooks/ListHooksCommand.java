package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.config.HooklineConfig;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline hooks list}: the live hooks of the compacted topic, secrets masked. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the live hooks (webhook-configs read to its end); token and signing secrets are masked.",
                "Reading a large topic reports its progress on stderr after a few seconds."},
        footer = {"", "Examples:", "  hookline hooks list", "  hookline hooks list --output json"})
public final class ListHooksCommand extends HooklineSubcommand {

    /** How a listing is printed. */
    public enum Output { table, json }

    @Option(names = {"--output", "-o"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table or json (one hook per line); default: ${DEFAULT-VALUE}.")
    Output output;

    @Override
    public Integer call() throws Exception {
        HooklineConfig config = clientConfig();
        HookTable table = HookStore.open(config, err()).read();
        if (output == Output.json) {
            for (OutgoingWebhook hook : table.hooks()) {
                out().println(Json.mapper().writeValueAsString(hook.masked()));
            }
        } else {
            out().printf("%-26s  %-26s  %-26s  %-11s  %-20s  %s%n", "ID", "TEAM", "CHANNEL", "WHEN", "TRIGGER WORDS",
                    "CALLBACK URLS");
            for (OutgoingWebhook h : table.hooks()) {
                out().printf("%-26s  %-26s  %-26s  %-11s  %-20s  %s%n", h.id(), h.teamId(),
                        h.channelId().isEmpty() ? "(any)" : h.channelId(),
                        h.triggerWhen() == OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH ? "starts-with" : "exact",
                        String.join(",", h.triggerWords()), String.join(" ", h.callbackUrls()));
            }
        }
        if (table.unreadable() > 0) {
            err().println("warning: " + table.unreadable() + " record(s) of " + Topics.from(config).webhookConfigs()
                    + " are not valid hooks and were skipped");
        }
        return ExitCodes.OK;
    }
}
