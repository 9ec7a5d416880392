package io.hookline.cli.deadletters;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.runtime.config.HooklineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hookline dead-letters replay}: sends chosen dead letters back to the topic they came from, key and value
 * bytes unchanged, for another try once the cause is fixed (a stage upgraded, a hook corrected).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Send dead letters back to their source topic (key and value bytes unchanged; the",
                "hookline.dlq.* headers are dropped) for another try. Select them with --at, --stage or",
                "--source-topic; --all selects every dead letter. The dead letters stay where they are.",
                "Failed deliveries are not dead letters: `deliveries redeliver` sends those again (a dispatcher",
                "dead letter of an earlier version that records one is skipped with the command to use).",
                "Prints where each went (TOPIC:PARTITION:OFFSET) on stdout; a long replay reports n of m on stderr."},
        footer = {"", "Examples:", "  hookline dead-letters replay --at 0:17",
                "  hookline dead-letters replay --stage ingestor"})
public final class ReplayDeadLettersCommand extends HooklineSubcommand {

    @Mixin
    FilterOptions selection;

    @Option(names = "--all", description = "Replay every dead letter (no selection needed).")
    boolean all;

    @Override
    public Integer call() {
        if (!all && !selection.selectsSomething()) {
            throw new CliFailure("say which dead letters to replay: --at PARTITION:OFFSET, --stage, --source-topic, "
                    + "or --all");
        }
        HooklineConfig config = clientConfig();
        DeadLetterFilter filter = selection.filter(TopicSettings.topics(config));
        DeadLetterReplay.Report report = new DeadLetterReplay(config).replay(filter::matches, err(),
                r -> out().println(r.topic() + ":" + r.toPartition() + ":" + r.toOffset()));
        report.skipped().forEach(s -> err().println("skipped dead letter " + s.partition() + ":" + s.offset() + ": "
                + s.why()));
        err().println("replayed " + report.replayed().size() + " of " + report.selected()
                + " selected dead letter(s)");
        return report.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
