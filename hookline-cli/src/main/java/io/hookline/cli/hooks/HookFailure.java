package io.hookline.cli.hooks;

import io.hookline.cli.CliFailure;
import io.hookline.schemas.hook.OutgoingWebhookValidator.Violation;
import java.util.List;

/**
 * A hook operation refused by a rule, with the message the command line prints and, for an invalid hook, each broken
 * rule by field, so that the console can show each at its field.
 */
public final class HookFailure extends CliFailure {

    /** Why the operation was refused. */
    public enum Kind {
        /** the hook breaks Mattermost's validation (see {@link #violations()}), or the id is malformed */
        INVALID,
        /** a live hook of the same team and channel already has one of its callback URLs and trigger words */
        CONFLICT,
        /** no live hook with that id */
        NOT_FOUND,
        /** a rejected hook whose record is not a hook, so it can only be deleted */
        NOT_CHANGEABLE
    }

    private final Kind kind;
    private final List<Violation> violations;

    HookFailure(Kind kind, String message, List<Violation> violations) {
        super(message);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public Kind kind() {
        return kind;
    }

    /** Each broken rule with its field (JSON name), for {@link Kind#INVALID}; empty otherwise. */
    public List<Violation> violations() {
        return violations;
    }
}
