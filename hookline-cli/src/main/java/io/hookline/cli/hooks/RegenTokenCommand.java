package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hookline hooks regen-token ID}: Mattermost's {@code POST /hooks/outgoing/{id}/regen_token}. */
@Command(name = "regen-token", mixinStandardHelpOptions = true,
        description = {"Give a hook a new token (the old one stops being sent at once) and print the hook with it;",
                "this is the only time the new token is shown."},
        footer = {"", "Example:", "  hookline hooks regen-token 7wuadkmtk86iunmx4aatczfzjr"})
public final class RegenTokenCommand extends HooklineSubcommand {

    @Parameters(paramLabel = "ID", description = "The hook's id.")
    String id;

    private final HookFactory factory;

    public RegenTokenCommand() {
        this(HookFactory.secure());
    }

    RegenTokenCommand(HookFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws Exception {
        String hookId = HookRules.requireId(id);
        OutgoingWebhook updated = HookStore.open(clientConfig(), err()).update(hookId,
                factory::withNewToken);
        // The signing secrets are not new and stay masked: only the new token is worth showing.
        OutgoingWebhook shown = updated.masked().withToken(updated.token());
        out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(shown));
        err().println("new token for hook " + updated.id() + "; keep it now, it is not shown again");
        return ExitCodes.OK;
    }
}
