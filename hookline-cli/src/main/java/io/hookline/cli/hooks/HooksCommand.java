package io.hookline.cli.hooks;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hookline hooks ...}: outgoing webhooks as records of the compacted {@code webhook-configs} topic. */
@Command(name = "hooks", mixinStandardHelpOptions = true,
        description = "Manage outgoing webhooks (records of the webhook-configs topic).",
        subcommands = {CommandLine.HelpCommand.class, CreateHookCommand.class, ListHooksCommand.class,
                GetHookCommand.class, UpdateHookCommand.class, DeleteHookCommand.class, RegenTokenCommand.class})
public final class HooksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
