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
                .contains("team_id: must be 26 bytes (UTF-8) of Unicode letters or numbers")
                .contains("creator_id: must be 26 bytes (UTF-8) of Unicode letters or numbers")
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
    void aPortOutOfRangeIsAUsageErrorNamingTheOption() {
        for (String[] cmd : new String[][] {{"echo-server"}, {"up"}, {"kafka"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 2);
            args[cmd.length] = "--port";
            args[cmd.length + 1] = "70000";
            CliRun.Result r = CliRun.run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(r.toString()).contains("--port", "'70000' is not a port number (0 to 65535");
        }
        CliRun.Result word = CliRun.run("echo-server", "--port", "http");
        assertThat(word.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(word.err()).contains("'http' is not a port number");
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

    @Test
    void aMalformedHookIdIsRefusedBeforeAnyBrokerIsAsked() {
        for (String[] cmd : new String[][] {{"hooks", "get"}, {"hooks", "delete"}, {"hooks", "regen-token"},
                {"hooks", "rotate-secret"}, {"hooks", "update", "--display-name", "x"}}) {
            String[] args = new String[cmd.length + 3];
            System.arraycopy(cmd, 0, args, 0, 2);
            args[2] = "Not-A-Hook";
            System.arraycopy(cmd, 2, args, 3, cmd.length - 2);
            args[cmd.length + 1] = "-b";
            args[cmd.length + 2] = NOWHERE;
            CliRun.Result r = CliRun.run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(r.err()).as(String.join(" ", args))
                    .isEqualTo("error: ID: a hook id is 26 bytes (UTF-8) of Unicode letters or numbers, "
                            + "got 'Not-A-Hook'\n");
        }
    }

    @Test
    void rotateSecretNamesGraceAndItsRuleWhenTheDurationIsBad() {
        CliRun.Result r = CliRun.run("hooks", "rotate-secret", ids(1), "-b", NOWHERE, "--grace", "2w");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--grace", "'2w' is not a duration like 250ms, 5s, 30m, 24h or 7d");
        CliRun.Result tooLong = CliRun.run("hooks", "rotate-secret", ids(1), "-b", NOWHERE, "--grace", "90d");
        assertThat(tooLong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooLong.err()).contains("--grace", "longer than the 30 days");
    }

    @Test
    void deadLettersNameABadStageMaxOrPosition() {
        CliRun.Result stage = CliRun.run("dead-letters", "list", "-b", NOWHERE, "--stage", "matchr");
        assertThat(stage.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stage.err()).contains("--stage must be one of matcher, dispatcher, ingestor, got 'matchr'");
        CliRun.Result max = CliRun.run("dead-letters", "list", "-b", NOWHERE, "--max", "0");
        assertThat(max.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(max.err()).contains("--max must be at least 1");
        CliRun.Result at = CliRun.run("dead-letters", "replay", "-b", NOWHERE, "--at", "zero");
        assertThat(at.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(at.err()).contains("--at must be PARTITION:OFFSET", "'zero'");
    }

    @Test
    void configShowsEachValueWithItsSourceAndMasksSecrets() {
        CliRun.Result r = CliRun.run(java.util.Map.of("HOOKLINE_TOPIC_POSTS", "chat-posts"), "", "config",
                "--set", "hookline.dispatcher.retry-delays=1s,10s", "--set",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required password=\"hunter2\";");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("hookline.dispatcher.retry-delays=1s,10s    # --set")
                .contains("hookline.topic.posts=chat-posts    # env HOOKLINE_TOPIC_POSTS")
                .contains("hookline.topic.dead-letters=dead-letters    # default")
                .contains("sasl.jaas.config=").doesNotContain("hunter2");
        CliRun.Result allowed = CliRun.run("config", "--set",
                "hookline.allowed-untrusted-internal-connections=db, 127.0.0.1 10.0.0.0/8 10.0.0.0/40");
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("#   db -> host: ", "#   127.0.0.1 -> IP: ", "#   10.0.0.0/8 -> CIDR: ",
                "#   10.0.0.0/40 -> ignored: ");
        CliRun.Result reference = CliRun.run("config", "--reference");
        assertThat(reference.out()).contains("| `hookline.topic.posts` | `HOOKLINE_TOPIC_POSTS` |");
    }

    /** A valid 26-char id that differs per {@code n}. */
    static String ids(int n) {
        String digits = Integer.toString(n);
        return "a".repeat(26 - digits.length()) + digits;
    }
}
