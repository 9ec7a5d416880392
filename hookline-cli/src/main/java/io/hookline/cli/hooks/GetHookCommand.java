package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hookline hooks get ID}: one live hook as JSON, secrets masked. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Print one live hook (webhook-configs read to its end); token and signing secret masked.",
        footer = {"", "Examples:", "  hookline hooks get 7wuadkmtk86iunmx4aatczfzjr",
                "  hookline hooks get 7wuadkmtk86iunmx4aatczfzjr --output table"})
public final class GetHookCommand extends HooklineSubcommand {

    @Parameters(paramLabel = "ID", description = "The hook's id.")
    String id;

    @Option(names = {"--output", "-o"}, defaultValue = "json", paramLabel = "FORMAT",
            description = "json (the whole hook) or table (the row hooks list shows); default: ${DEFAULT-VALUE}.")
    HookOutput output;

    @Override
    public Integer call() throws Exception {
        String hookId = HookRules.requireId(id);
        OutgoingWebhook hook = HookStore.open(clientConfig(), err()).live(hookId);
        output.printOne(out(), hook);
        return ExitCodes.OK;
    }
}
