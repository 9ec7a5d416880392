package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hookline hooks delete ID}: Mattermost's soft delete, as a new record of the hook with {@code delete_at}; a
 * rejected hook whose record is not a hook of this id gets a tombstone instead.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a hook, live or rejected: write it again with delete_at set (Mattermost's soft",
                "delete), or a tombstone when its record is not a hook of this id; the matcher stops triggering it",
                "as soon as it reads the record."},
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
        Optional<OutgoingWebhook> deleted = HookStore.open(clientConfig(), err()).delete(hookId, factory::deleted);
        out().println(hookId);
        err().println("deleted hook " + hookId + deleted.map(d -> " (delete_at=" + d.deleteAt() + ")")
                .orElse(" (tombstone: its record was not a hook of this id)"));
        return ExitCodes.OK;
    }
}
