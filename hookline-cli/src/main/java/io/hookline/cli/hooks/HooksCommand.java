package io.hookline.cli.hooks;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hookline hooks ...}: outgoing webhooks as records of the compacted {@code webhook-configs} topic. */
@Command(name = "hooks", mixinStandardHelpOptions = true,
        description = {"Manage outgoing webhooks as Mattermost admins know them (records of the compacted",
                "webhook-configs topic, keyed by hook id). Every change is validated and conflict-checked;",
                "nothing is written when a rule is broken."},
        subcommands = {CommandLine.HelpCommand.class, CreateHookCommand.class, ListHooksCommand.class,
                GetHookCommand.class, UpdateHookCommand.class, DeleteHookCommand.class, RegenTokenCommand.class,
                RotateSecretCommand.class},
        footer = {"", "Examples:", "  hookline hooks list", "  hookline hooks get 7wuadkmtk86iunmx4aatczfzjr",
                "  hookline hooks create --help"})
public final class HooksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
