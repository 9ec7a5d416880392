package io.hookline.cli.deadletters;

import picocli.CommandLine.Option;

/** The selection options of the dead-letters commands. */
public final class FilterOptions {

    @Option(names = "--stage", paramLabel = "STAGE", description = "Only dead letters of this stage (matcher, "
            + "dispatcher, ingestor).")
    String stage;

    @Option(names = "--source-topic", paramLabel = "TOPIC",
            description = "Only dead letters that came from this topic (actual name).")
    String sourceTopic;

    @Option(names = "--at", paramLabel = "PARTITION:OFFSET", description = "Only the dead letter at this position "
            + "of the dead-letters topic (as `list` shows it).")
    String at;

    DeadLetterFilter filter() {
        if (at != null) {
            DeadLetterFilter position = DeadLetterFilter.at(at);
            return new DeadLetterFilter(stage, sourceTopic, position.partition(), position.offset());
        }
        return new DeadLetterFilter(stage, sourceTopic, null, null);
    }

    boolean selectsSomething() {
        return stage != null || sourceTopic != null || at != null;
    }
}
