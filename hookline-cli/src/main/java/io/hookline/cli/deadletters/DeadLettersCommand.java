package io.hookline.cli.deadletters;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hookline dead-letters ...}: records a stage could not process, kept whole with the reason. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "Inspect and replay dead letters (records a stage could not process, kept whole).",
        subcommands = {CommandLine.HelpCommand.class, ListDeadLettersCommand.class, ReplayDeadLettersCommand.class},
        footer = {"", "Examples:", "  hookline dead-letters list --stage matcher",
                "  hookline dead-letters replay --at 0:17"})
public final class DeadLettersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
