package io.hookline.ingestor.post;

import io.hookline.schemas.command.CommandPost;
import java.util.List;

/**
 * The posts one response becomes, in order, and what was removed from it on the way (in plain words).
 */
public record PostPlan(List<CommandPost> parts, List<String> removed) {

    public PostPlan {
        parts = List.copyOf(parts);
        removed = List.copyOf(removed);
    }
}
