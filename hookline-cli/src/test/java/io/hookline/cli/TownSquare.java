package io.hookline.cli;

import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.List;
import java.util.Map;

/** The chat the CLI's broker tests talk in: the README's team, its town square, alice, and the pong bot. */
final class TownSquare {

    static final String TEAM = "engineering000000000000001";
    static final String CHANNEL = "townsquare0000000000000001";
    static final String ALICE = "alice000000000000000000001";
    static final String BOT = "pongbot0000000000000000001";

    private TownSquare() {
    }

    /** Alice posting {@code message} (with {@code fileIds}) in the town square, as a bridge would publish it. */
    static PostEvent post(String message, List<String> fileIds) {
        return new PostEvent(new Post(Ids.newId(), 1_764_150_012_345L, 0, 0, 0, ALICE, CHANNEL, "", message, "",
                Map.of(), fileIds), new Channel(CHANNEL, "town-square", "Town Square", "O", TEAM),
                new Team(TEAM, "engineering", "Engineering"), new User(ALICE, "alice"));
    }
}
