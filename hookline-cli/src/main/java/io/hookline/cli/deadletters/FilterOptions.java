package io.hookline.cli.deadletters;

import io.hookline.cli.CliFailure;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.util.List;
import picocli.CommandLine.Option;

/** The selection options of the dead-letters commands. */
public final class FilterOptions {

    /** The stages that write dead letters, as their {@code hookline.dlq.stage} header names them. */
    static final List<String> STAGES = List.of("matcher", "dispatcher", "ingestor");

    @Option(names = "--stage", paramLabel = "STAGE", description = "Only dead letters of this stage (matcher, "
            + "dispatcher, ingestor).")
    String stage;

    @Option(names = "--source-topic", paramLabel = "TOPIC",
            description = "Only dead letters that came from this topic (logical name like posts, or actual name).")
    String sourceTopic;

    @Option(names = "--at", paramLabel = "PARTITION:OFFSET", description = "Only the dead letter at this position "
            + "of the dead-letters topic (as `list` shows it).")
    String at;

    /** The filter these options select; a typo in a stage fails here instead of silently matching nothing. */
    DeadLetterFilter filter(Topics topics) {
        if (stage != null && !STAGES.contains(stage)) {
            throw new CliFailure("--stage must be one of " + String.join(", ", STAGES) + ", got '" + stage + "'");
        }
        Topic<?, ?> known = sourceTopic == null ? null : topics.byName(sourceTopic);
        String source = known == null ? sourceTopic : known.name();
        if (at != null) {
            DeadLetterFilter position = DeadLetterFilter.at(at);
            return new DeadLetterFilter(stage, source, position.partition(), position.offset());
        }
        return new DeadLetterFilter(stage, source, null, null);
    }

    boolean selectsSomething() {
        return stage != null || sourceTopic != null || at != null;
    }
}
