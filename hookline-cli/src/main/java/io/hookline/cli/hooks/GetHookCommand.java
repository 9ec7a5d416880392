package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hookline hooks get ID}: one hook as JSON, secrets masked; a rejected one with the reason. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {"Print one hook (webhook-configs read to its end) with its status; token and signing secret",
                "masked. A rejected hook (latest record invalid, so it does not fire) shows only its id and why."},
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
        output.printOne(out(), HookStore.open(clientConfig(), err()).state(hookId));
        return ExitCodes.OK;
    }
}
