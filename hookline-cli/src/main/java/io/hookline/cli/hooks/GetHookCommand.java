package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hookline hooks get ID}: one live hook as JSON, secrets masked. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Print one live hook as JSON (webhook-configs read to its end); token and signing secret masked.",
        footer = {"", "Example:", "  hookline hooks get 7wuadkmtk86iunmx4aatczfzjr"})
public final class GetHookCommand extends HooklineSubcommand {

    @Parameters(paramLabel = "ID", description = "The hook's id.")
    String id;

    @Override
    public Integer call() throws Exception {
        String hookId = HookRules.requireId(id);
        OutgoingWebhook hook = HookStore.open(clientConfig(), err()).live(hookId);
        out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(hook.masked()));
        return ExitCodes.OK;
    }
}
