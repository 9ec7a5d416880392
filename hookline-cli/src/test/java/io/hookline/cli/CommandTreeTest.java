package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
                "hookline dead-letters replay", "hookline status", "hookline config", "hookline hooks help");
    }

    @Test
    void everyCommandHasADescriptionAndAnExampleOfItselfThatParses() {
        for (CommandLine command : allCommands(root())) {
            String name = command.getCommandSpec().qualifiedName();
            String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(String.join(" ", command.getCommandSpec().usageMessage().description()))
                    .as("description of %s", name).isNotBlank();
            List<String> examples = examples(usage, name);
            assertThat(usage).as("usage of %s", name).contains("Example");
            assertThat(examples).as("examples of %s in:%n%s", name, usage).isNotEmpty();
            for (String example : examples) {
                String[] args = words(example.substring("hookline".length()));
                assertThatCode(() -> root().parseArgs(args)).as(example).doesNotThrowAnyException();
            }
        }
    }

    /** The footer lines that run {@code name}, continuation lines joined, comments dropped. */
    private static List<String> examples(String usage, String name) {
        List<String> examples = new ArrayList<>();
        StringBuilder current = null;
        for (String line : usage.lines().toList()) {
            String code = line.replaceAll("\\s+#.*$", "").strip();
            if (current != null) {
                current.append(' ').append(code);
            } else if (code.equals(name) || code.startsWith(name + " ")) {
                current = new StringBuilder(code);
            }
            if (current != null && current.toString().endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else if (current != null) {
                examples.add(current.toString().strip());
                current = null;
            }
        }
        return examples;
    }

    private static String[] words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words.toArray(String[]::new);
    }
}
