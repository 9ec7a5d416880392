package io.hookline.cli.post;

import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Builds and completes post events the way a chat server would have: a new post gets an id and a creation time.
 * Pure: ids and time come from the suppliers given.
 */
public final class PostEvents {

    private final Supplier<String> newId;
    private final LongSupplier clock;

    public PostEvents(Supplier<String> newId, LongSupplier clock) {
        this.newId = newId;
        this.clock = clock;
    }

    public static PostEvents standard() {
        return new PostEvents(Ids::newId, System::currentTimeMillis);
    }

    /** What is wrong with the flags, each naming the option; empty when they make a usable post. */
    public static List<String> problems(PostFlags f) {
        List<String> problems = new ArrayList<>();
        requireId(problems, "--channel-id", f.channelId());
        requireId(problems, "--team-id", f.teamId());
        requireId(problems, "--user-id", f.userId());
        if (!f.rootId().isEmpty() && !Ids.isValid(f.rootId())) {
            problems.add("--root-id: must be empty or " + Ids.RULE + ", got '" + f.rootId() + "'");
        }
        if (!List.of(Channel.OPEN, Channel.PRIVATE, Channel.DIRECT, Channel.GROUP).contains(f.channelType())) {
            problems.add("--channel-type: must be O (public), P (private), D (direct) or G (group), got '"
                    + f.channelType() + "'");
        }
        return problems;
    }

    public PostEvent fromFlags(PostFlags f) {
        Post post = new Post(newId.get(), clock.getAsLong(), 0, 0, 0, f.userId(), f.channelId(), f.rootId(),
                f.message(), "", Map.of(), List.of());
        return new PostEvent(post, new Channel(f.channelId(), f.channelName(), f.channelName(), f.channelType(),
                f.teamId()), new Team(f.teamId(), f.teamName(), f.teamName()), new User(f.userId(), f.username()));
    }

    /** The event with a post id and {@code create_at} when the document left them out; everything else as given. */
    public PostEvent complete(PostEvent e) {
        Post p = e.post();
        if (p == null || (!p.id().isEmpty() && p.createAt() != 0)) {
            return e;
        }
        Post completed = new Post(p.id().isEmpty() ? newId.get() : p.id(),
                p.createAt() == 0 ? clock.getAsLong() : p.createAt(), p.updateAt(), p.editAt(), p.deleteAt(),
                p.userId(), p.channelId(), p.rootId(), p.message(), p.type(), p.props(), p.fileIds());
        return new PostEvent(completed, e.channel(), e.team(), e.user());
    }

    private static void requireId(List<String> problems, String option, String value) {
        if (!Ids.isValid(value)) {
            problems.add(option + ": must be " + Ids.RULE + " (a Mattermost id), got '" + value + "'");
        }
    }
}
