package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command and subcommand, found by walking the tree, explains itself and shows an example that parses. */
class CommandTreeTest {

    private static CommandLine root() {
        return HooklineCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]));
    }

    private static List<CommandLine> allCommands(CommandLine cl) {
        List<CommandLine> all = new ArrayList<>(List.of(cl));
        cl.getSubcommands().values().forEach(sub -> all.addAll(allCommands(sub)));
        return all;
    }

    @Test
    void theTreeHasEveryCommandOfTheIssue() {
        List<String> names = allCommands(root()).stream().map(c -> c.getCommandSpec().qualifiedName()).toList();
        assertThat(names).contains("hookline hooks create", "hookline hooks update", "hookline hooks get",
                "hookline hooks list", "hookline hooks delete", "hookline hooks regen-token",
                "hookline hooks rotate-secret", "hookline post", "hookline tail", "hookline dead-letters list",
                "hookline dead-letters replay", "hookline deliveries redeliver", "hookline status", "hookline config", "hookline hooks help");
    }

    @Test
    void everyCommandHasADescriptionAndAnExampleOfItselfThatParses() {
        for (CommandLine command : allCommands(root())) {
            String name = command.getCommandSpec().qualifiedName();
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(String.join(" ", command.getCommandSpec().usageMessage().description()))
                    .as("description of %s", name).isNotBlank();
            List<String> examples = ShellExamples.commands(usage.lines().toList(), name);
            assertThat(usage).as("usage of %s", name).contains("Example");
            assertThat(examples).as("examples of %s in:%n%s", name, usage).isNotEmpty();
            for (String example : examples) {
                String[] args = ShellExamples.words(example.substring("hookline".length()));
                assertThatCode(() -> root().parseArgs(args)).as(example).doesNotThrowAnyException();
            }
        }
    }
}
