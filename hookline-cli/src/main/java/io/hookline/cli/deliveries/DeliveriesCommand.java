package io.hookline.cli.deliveries;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hookline deliveries ...}: the delivery log ({@code webhook-responses}) and what an operator does with it. */
@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = {"Act on the delivery log (webhook-responses): every delivery's final outcome, succeeded or",
                "failed. `tail webhook-responses` shows it."},
        subcommands = {CommandLine.HelpCommand.class, RedeliverCommand.class},
        footer = {"", "Examples:", "  hookline deliveries redeliver --hook 8ki1sq3t6jdt3r9ejzqwbp7n5e --since 24h"})
public final class DeliveriesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
