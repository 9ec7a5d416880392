package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.localkafka.junit.KafkaBroker;
import io.hookline.localkafka.junit.KafkaBrokerExtension;
import io.hookline.schemas.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples work as written: every {@code ./hookline} line of its {@code bash} blocks runs, in README
 * order, against the real broker (on topics of this test's own) and exits 0. Files the README writes with
 * {@code cat > FILE <<'EOF'} are written too; {@code $HOOK_ID} is the id of the hook the last {@code hooks create}
 * printed, as the README says. Commands that run until Ctrl-C (the services, the broker, the echo server,
 * {@code --follow}) are left out: {@code UpCommandOnBrokerTest}, {@code EchoServerTest} and the {@code --follow}
 * case of {@code ClientCommandsOnBrokerTest} run those.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ReadmeExamplesOnBrokerTest {

    private static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();
    private static final Set<String> RUN_UNTIL_STOPPED = Set.of("up", "kafka", "matcher", "dispatcher", "ingestor",
            "echo-server");
    private static final Pattern HEREDOC = Pattern.compile("cat > (\\S+) <<'EOF'");

    @Test
    void everyExampleRunsAsWritten(KafkaBroker broker, @TempDir Path dir) throws Exception {
        IsolatedConfig isolated = new IsolatedConfig(broker);
        Map<String, Path> files = new HashMap<>();
        String hookId = null;
        List<String> ran = new ArrayList<>();
        for (String command : commands(Files.readString(README), dir, files)) {
            List<String> args = new ArrayList<>(List.of(words(command.substring("./hookline".length()))));
            if (args.isEmpty() || RUN_UNTIL_STOPPED.contains(args.get(0)) || args.contains("--follow")
                    || args.contains("-f")) {
                continue;
            }
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("$HOOK_ID")) {
                    assertThat(hookId).as("a hooks create before %s", command).isNotNull();
                    args.set(i, hookId);
                } else if (files.containsKey(args.get(i))) {
                    args.set(i, files.get(args.get(i)).toString());
                }
            }
            CliRun.Result r = CliRun.run(isolated.args(args.toArray(String[]::new)));
            assertThat(r.exitCode()).as("%s%n%s", command, r).isZero();
            if (args.size() > 1 && args.get(0).equals("hooks") && args.get(1).equals("create")) {
                hookId = Json.mapper().readTree(r.out()).get("id").asText();
            }
            ran.add(String.join(" ", args.subList(0, Math.min(2, args.size()))));
        }
        assertThat(ran).as("the README shows each command").contains("hooks create", "hooks list", "hooks get",
                "hooks update", "hooks regen-token", "hooks rotate-secret", "hooks delete", "post --team-id",
                "post --file", "tail posts", "dead-letters list", "dead-letters replay", "status", "config");
    }

    /**
     * The {@code ./hookline} lines of the {@code bash} blocks, continuation lines joined and comments dropped; files
     * of {@code cat > FILE <<'EOF'} blocks are written into {@code dir} and noted in {@code files}.
     */
    private static List<String> commands(String markdown, Path dir, Map<String, Path> files) throws Exception {
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        StringBuilder current = null;
        String heredocFile = null;
        StringBuilder heredoc = new StringBuilder();
        for (String line : markdown.lines().toList()) {
            if (heredocFile != null) {
                if (line.equals("EOF")) {
                    Path file = dir.resolve(heredocFile);
                    Files.writeString(file, heredoc);
                    files.put(heredocFile, file);
                    heredocFile = null;
                    heredoc.setLength(0);
                } else {
                    heredoc.append(line).append('\n');
                }
                continue;
            }
            if (line.startsWith("```")) {
                inBash = line.equals("```bash");
                continue;
            }
            if (!inBash) {
                continue;
            }
            Matcher m = HEREDOC.matcher(line.strip());
            if (m.matches()) {
                heredocFile = m.group(1);
                continue;
            }
            String code = line.replaceAll("\\s+#.*$", "").strip();
            if (current != null) {
                current.append(' ').append(code);
            } else if (code.startsWith("./hookline")) {
                current = new StringBuilder(code);
            }
            if (current != null && current.toString().endsWith("\\")) {
                current.setLength(current.length() - 1);
            } else if (current != null) {
                commands.add(current.toString().strip());
                current = null;
            }
        }
        return commands;
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
