package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.hookline.cli.config.KnownKeys;
import io.hookline.runtime.config.ConfigKey;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README promises things the code must keep: the two commands, every configuration key, valid examples. */
class ReadmeTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String readme() throws Exception {
        return Files.readString(ROOT.resolve("README.md"));
    }

    @Test
    void startsWithWhatItIsAndTheRunAndTestCommands() throws Exception {
        List<String> head = readme().lines().limit(12).toList();
        assertThat(String.join("\n", head)).contains("./hookline up", "mvn -B verify");
    }

    @Test
    void ciRunsExactlyTheReadmesTestCommand() throws Exception {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(ci).startsWith("#!/usr/bin/env bash").contains("set -euo pipefail");
        assertThat(ci.lines().filter(l -> l.startsWith("mvn"))).containsExactly("mvn -B verify");
        assertThat(Files.isExecutable(ROOT.resolve(".ci/run"))).isTrue();
        assertThat(Files.isExecutable(ROOT.resolve("hookline"))).isTrue();
    }

    @Test
    void everyConfigurationKeyIsInTheReadmeTable() throws Exception {
        String readme = readme();
        for (ConfigKey key : KnownKeys.all()) {
            assertThat(readme).as("README row of %s (regenerate the tables with ./hookline config --reference)",
                    key.name()).contains("| `" + key.name() + "` | `" + key.environmentVariable() + "` |");
        }
    }

    @Test
    void everyHooklineCommandInTheReadmesShellBlocksParses() throws Exception {
        List<String> commands = ShellExamples.commands(ShellExamples.bashBlocks(readme()).lines(), "./hookline");
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        for (String command : commands) {
            String[] args = ShellExamples.words(command.substring("./hookline".length()));
            assertThatCode(() -> HooklineCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]))
                    .parseArgs(args)).as(command).doesNotThrowAnyException();
        }
    }
}
