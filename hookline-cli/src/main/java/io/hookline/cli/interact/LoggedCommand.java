package io.hookline.cli.interact;

import io.hookline.cli.CliFailure;
import io.hookline.schemas.command.PostCommand;
import java.util.List;

/**
 * A command as read from {@code post-commands}, with the time the broker stored it: what a chat server applying the
 * commands would use as the creation time of the post it stores.
 */
record LoggedCommand(PostCommand command, long timestamp) {

    /** What {@code --post} and {@code --dialog} take for "the newest one", so nobody has to copy an id. */
    static final String LAST = "last";

    /**
     * {@code id}, or for {@link #LAST} the id of the newest command of {@code type} in {@code log} (by broker time;
     * commands are in different partitions, so their order in {@code log} says nothing across channels).
     *
     * @throws CliFailure when {@code log} has no command of that type
     */
    static String resolve(String id, String type, List<LoggedCommand> log) {
        if (!LAST.equals(id)) {
            return id;
        }
        LoggedCommand newest = null;
        for (LoggedCommand c : log) {
            if (type.equals(c.command().type()) && (newest == null || c.timestamp() >= newest.timestamp())) {
                newest = c;
            }
        }
        if (newest == null) {
            throw new CliFailure("no " + type + " command on post-commands yet (" + log.size() + " commands read)");
        }
        return newest.command().id();
    }
}
