package io.hookline.cli.hooks;

import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hookline hooks update ID ...}: Mattermost's {@code PUT /api/v4/hooks/outgoing/{id}}. */
@Command(name = "update", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Change a hook: only the options given change. Validated and checked for conflicts like",
                "create; nothing is written when a rule is broken. Prints the hook (secrets masked). A rejected",
                "hook (hooks list) whose record parsed can be repaired this way: the result must be valid."},
        footer = {"", "Examples:",
                "  hookline hooks update 7wuadkmtk86iunmx4aatczfzjr --trigger-word ping --trigger-word hello",
                "  hookline hooks update 7wuadkmtk86iunmx4aatczfzjr --callback-url https://bot.example.com/hook"})
public final class UpdateHookCommand extends HooklineSubcommand {

    @Parameters(paramLabel = "ID", description = "The hook's id.")
    String id;

    @Option(names = "--channel-id", paramLabel = "ID", description = "New channel (empty: every public channel).")
    String channelId;

    @Option(names = "--trigger-word", paramLabel = "WORD", description = "Replaces the trigger words (repeatable).")
    List<String> triggerWords;

    @Option(names = "--clear-trigger-words", description = "Removes every trigger word.")
    boolean clearTriggerWords;

    @Option(names = "--trigger-when", paramLabel = "WHEN", converter = TriggerWhen.Converter.class,
            description = "exact or starts-with.")
    TriggerWhen triggerWhen;

    @Option(names = "--callback-url", paramLabel = "URL", description = "Replaces the callback URLs (repeatable).")
    List<String> callbackUrls;

    @Option(names = "--display-name", paramLabel = "NAME") String displayName;
    @Option(names = "--description", paramLabel = "TEXT") String description;
    @Option(names = "--content-type", paramLabel = "TYPE") String contentType;
    @Option(names = "--username", paramLabel = "NAME") String username;
    @Option(names = "--icon-url", paramLabel = "URL") String iconUrl;

    HookChanges changes() {
        if (clearTriggerWords && triggerWords != null) {
            throw new CliFailure("--clear-trigger-words and --trigger-word contradict each other; give one");
        }
        return new HookChanges(channelId == null ? null : channelId.trim(), triggerWords, clearTriggerWords,
                triggerWhen, callbackUrls, displayName, description, contentType, username, iconUrl);
    }

    @Override
    public Integer call() throws Exception {
        String hookId = HookRules.requireId(id);
        HookChanges changes = changes();
        if (changes.isEmpty()) {
            throw new CliFailure("nothing to change: give at least one option (see --help)");
        }
        OutgoingWebhook updated = HookStore.open(clientConfig(), err()).update(hookId,
                changes::applyNow);
        out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(updated.masked()));
        return ExitCodes.OK;
    }
}
