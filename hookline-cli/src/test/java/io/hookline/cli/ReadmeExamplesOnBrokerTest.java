package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.serde.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            "integration-api", "echo-server", "example-integration");

    @Test
    void everyExampleRunsAsWritten(KafkaBroker broker, @TempDir Path dir) throws Exception {
        IsolatedConfig isolated = new IsolatedConfig(broker);
        Map<String, Path> files = new HashMap<>();
        String hookId = null;
        List<String> ran = new ArrayList<>();
        ShellExamples.BashBlocks blocks = ShellExamples.bashBlocks(Files.readString(README));
        for (Map.Entry<String, String> f : blocks.files().entrySet()) {
            files.put(f.getKey(), Files.writeString(dir.resolve(f.getKey()), f.getValue()));
        }
        for (String command : ShellExamples.commands(blocks.lines(), "./hookline")) {
            String[] words = ShellExamples.words(command.substring("./hookline".length()));
            List<String> args = new ArrayList<>(List.of(words));
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
                "post --file", "tail posts", "dead-letters list", "dead-letters replay", "deliveries redeliver",
                "status", "config");
    }
}
