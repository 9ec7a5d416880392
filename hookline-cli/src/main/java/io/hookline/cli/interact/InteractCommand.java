package io.hookline.cli.interact;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hookline interact}: the chat server's side of interactive messages and dialogs, for trying them out. */
@Command(name = "interact", mixinStandardHelpOptions = true,
        description = {"Play the chat server's part in interactive messages and dialogs: click a button or menu",
                "of a post on post-commands, or submit a dialog an integration opened, and print the commands",
                "that answer it."},
        subcommands = {CommandLine.HelpCommand.class, ClickCommand.class, SubmitCommand.class},
        footer = {"", "Examples:", "  hookline interact click --help", "  hookline interact submit --help"})
public final class InteractCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
