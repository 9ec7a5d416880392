package io.hookline.matcher.bench;

import io.hookline.matcher.testing.Hooks;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's hooks and posts: {@code hookCount} hooks spread over up to 1,000 teams (at most 10 per team, half
 * exact, half starts-with, some bound to a channel), and posts over 1,000 teams of which a given share starts with
 * a word that fires exactly one hook.
 */
final class BenchData {

    static final int TEAMS = 1000;
    private static final String FILLER = "the rest of a fairly ordinary chat message, long enough that the post event "
            + "weighs what a real one does once Mattermost has added its metadata";

    private BenchData() {
    }

    static String team(int t) {
        return Ids.deterministic("bench-team", Integer.toString(t));
    }

    static String channel(int t, int c) {
        return Ids.deterministic("bench-channel", Integer.toString(t), Integer.toString(c));
    }

    /** Hook {@code i} lives in team {@code i % TEAMS} and fires on its own word {@code w<i>} (or a prefix of it). */
    static List<OutgoingWebhook> hooks(int hookCount) {
        List<OutgoingWebhook> hooks = new ArrayList<>(hookCount);
        for (int i = 0; i < hookCount; i++) {
            int t = i % TEAMS;
            hooks.add(Hooks.hook("bench-" + i).team(team(t)).channel(i % 5 == 0 ? channel(t, 0) : "")
                    .words("w" + i, "alias" + i).when(i % 2).displayName("bench " + i).build());
        }
        return hooks;
    }

    /**
     * {@code count} posts; about {@code matchingShare} of them start with the word of one of the hooks (and, when
     * the hook is bound to a channel, are in that channel), the others with words no hook has.
     */
    static List<PostEvent> posts(int count, int hookCount, double matchingShare, long seed) {
        Random random = new Random(seed);
        List<PostEvent> posts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            int t;
            int c;
            String first;
            if (random.nextDouble() < matchingShare) {
                int i = random.nextInt(hookCount);
                t = i % TEAMS;
                c = 0;
                first = (i % 2 == 0 ? "w" + i : "w" + i + "-suffix");
            } else {
                t = random.nextInt(TEAMS);
                c = random.nextInt(3);
                first = random.nextBoolean() ? "hello" : "x" + random.nextInt(100_000);
            }
            posts.add(post(n, t, c, first + " " + FILLER));
        }
        return posts;
    }

    static PostEvent post(int n, int t, int c, String message) {
        String channelId = channel(t, c);
        String userId = Ids.deterministic("bench-user", Integer.toString(n % 5000));
        Post post = new Post(Ids.deterministic("bench-post", Integer.toString(n)), 1_764_150_000_000L + n,
                1_764_150_000_000L + n, 0, 0, userId, channelId, "", message, "", Map.of(), List.of());
        return new PostEvent(post, new Channel(channelId, "channel-" + c, "Channel " + c, Channel.OPEN, team(t)),
                new Team(team(t), "team-" + t, "Team " + t), new User(userId, "user" + (n % 5000)));
    }
}
