package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing, usage errors and validation errors: everything that fails before any broker is contacted. */
class CommandLineTest {

    // Port 9 (discard) on loopback: nothing listens, so a command that wrongly reached Kafka would fail differently.
    private static final String NOWHERE = "127.0.0.1:9";

    @Test
    void noCommandPrintsUsageWithEveryCommand() {
        CliRun.Result r = CliRun.run();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("hooks", "post", "tail", "echo-server");
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRun.Result r = CliRun.run("frobnicate");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void hooksCreateNamesEveryMissingRequiredOption() {
        CliRun.Result r = CliRun.run("hooks", "create", "--team-id", "x");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--callback-url", "--creator-id");
    }

    @Test
    void badTriggerWhenNamesTheOptionAndTheAllowedValues() {
        CliRun.Result r = CliRun.run("hooks", "create", "--team-id", ids(1), "--creator-id", ids(2),
                "--callback-url", "http://127.0.0.1/x", "--trigger-when", "sometimes");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--trigger-when", "sometimes", "exact", "starts-with");
    }

    @Test
    void invalidHookListsEachViolationByFieldAndWritesNothing() {
        CliRun.Result r = CliRun.run("hooks", "create", "-b", NOWHERE, "--team-id", "short", "--creator-id",
                "Not-An-Id", "--callback-url", "ftp://example.com/x", "--display-name", "x".repeat(65));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("nothing was written")
                .contains("team_id: must be 26 lowercase letters or digits")
                .contains("creator_id: must be 26 lowercase letters or digits")
                .contains("callback_urls: 'ftp://example.com/x' is not an http:// or https:// URL")
                .contains("display_name: must be at most 64 bytes, got 65")
                .contains("trigger_words: at least one trigger word is required when channel_id is empty");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void postNeedsFlagsOrAFileButNotBoth() {
        assertThat(CliRun.run("post").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun.Result both = CliRun.run("post", "--file", "x.json", "--channel-id", ids(1), "--team-id", ids(2),
                "--user-id", ids(3), "--message", "hi");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void postWithFlagsNamesEachBadOption() {
        CliRun.Result r = CliRun.run("post", "-b", NOWHERE, "--channel-id", "nope", "--team-id", ids(2),
                "--user-id", ids(3), "--message", "hi", "--channel-type", "X");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("nothing was published", "--channel-id: must be 26", "'nope'",
                "--channel-type: must be O (public)");
        assertThat(r.err()).doesNotContain("--team-id:", "--user-id:");
    }

    @Test
    void postFromStdinReportsTheEventsProblems() {
        CliRun.Result r = CliRun.run(java.util.Map.of(), "{\"post\": {\"message\": \"hi\"}}", "post", "-b", NOWHERE,
                "--file", "-");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("post.channel_id is missing", "channel is missing", "team is missing",
                "user is missing");
    }

    @Test
    void postFromANonJsonFileSaysWhatIsWrong(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("post.json");
        Files.writeString(file, "not json");
        CliRun.Result r = CliRun.run("post", "-b", NOWHERE, "--file", file.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).startsWith("error: not a valid PostEvent JSON document");
    }

    @Test
    void postFromAMissingFileNamesIt() {
        CliRun.Result r = CliRun.run("post", "-b", NOWHERE, "--file", "/nonexistent/post.json");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("cannot read /nonexistent/post.json");
    }

    @Test
    void unreadableConfigFileIsNamed() {
        CliRun.Result r = CliRun.run("tail", "posts", "--config", "/nonexistent/hookline.properties");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("cannot read configuration file /nonexistent/hookline.properties");
    }

    @Test
    void tailRejectsANonPositiveMax() {
        CliRun.Result r = CliRun.run("tail", "posts", "-b", NOWHERE, "--max", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("--max must be at least 1");
    }

    @Test
    void everyCommandHasHelpWithItsGlobalOptions() {
        for (String[] cmd : new String[][] {{"hooks", "create"}, {"hooks", "list"}, {"post"}, {"tail"},
                {"echo-server"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            args[cmd.length] = "--help";
            CliRun.Result r = CliRun.run(args);
            assertThat(r.exitCode()).as(String.join(" ", cmd)).isZero();
            assertThat(r.out()).as(String.join(" ", cmd)).contains("--config", "--set", "--bootstrap-servers");
        }
    }

    /** A valid 26-char id that differs per {@code n}. */
    static String ids(int n) {
        String digits = Integer.toString(n);
        return "a".repeat(26 - digits.length()) + digits;
    }
}
