package io.hookline.ingestor.outcome;

import io.hookline.schemas.command.PostCommand;
import java.util.List;

/** What the ingestor does with one delivery outcome. */
public sealed interface Handling {

    /**
     * Publish these commands, in order, under one key (a channel id) so that they stay in order on its partition.
     *
     * @param removed what sanitising removed from the response, in plain words (reported, never fatal)
     */
    record Publish(String key, List<PostCommand> commands, List<String> removed) implements Handling {
        public Publish {
            commands = List.copyOf(commands);
            removed = List.copyOf(removed);
        }
    }

    /** Nothing to publish, for a normal reason (empty body, no text and no attachments, notices turned off). */
    record Nothing(String why) implements Handling {
    }

    /** The outcome or its response cannot become a post: dead-letter it with this reason. */
    record Reject(String reason) implements Handling {
    }
}
