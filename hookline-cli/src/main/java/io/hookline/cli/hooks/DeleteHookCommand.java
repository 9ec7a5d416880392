package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hookline hooks delete ID}: Mattermost's soft delete, as a new record of the hook with {@code delete_at}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a hook: write it again with delete_at set (Mattermost's soft delete); the matcher",
                "stops triggering it as soon as it reads the record."},
        footer = {"", "Example:", "  hookline hooks delete 7wuadkmtk86iunmx4aatczfzjr"})
public final class DeleteHookCommand extends HooklineSubcommand {

    @Parameters(paramLabel = "ID", description = "The hook's id.")
    String id;

    private final HookFactory factory;

    public DeleteHookCommand() {
        this(HookFactory.secure());
    }

    DeleteHookCommand(HookFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() {
        String hookId = HookRules.requireId(id);
        OutgoingWebhook deleted = HookStore.open(clientConfig(), err()).update(hookId,
                factory::deleted);
        out().println(deleted.id());
        err().println("deleted hook " + deleted.id() + " (delete_at=" + deleted.deleteAt() + ")");
        return ExitCodes.OK;
    }
}
