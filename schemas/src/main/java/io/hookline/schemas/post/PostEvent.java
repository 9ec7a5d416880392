package io.hookline.schemas.post;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of the {@code posts} topic (key: channel id): a newly created post with the channel, team and author it
 * needs to be matched and delivered without any further lookup.
 */
public record PostEvent(Post post, Channel channel, Team team, User user) {

    /**
     * What is missing or inconsistent for this event to be matched at all; empty when it is usable. Serdes accept any
     * JSON object, so this is where a record with the right syntax but the wrong content is caught.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (post == null) {
            problems.add("post is missing");
        } else {
            if (post.id().isEmpty()) {
                problems.add("post.id is missing");
            }
            if (post.channelId().isEmpty()) {
                problems.add("post.channel_id is missing");
            }
        }
        if (channel == null) {
            problems.add("channel is missing");
        } else if (post != null && !channel.id().isEmpty() && !channel.id().equals(post.channelId())) {
            problems.add("channel.id '" + channel.id() + "' differs from post.channel_id '" + post.channelId() + "'");
        }
        if (team == null) {
            problems.add("team is missing");
        } else if (channel != null && !channel.teamId().isEmpty() && !team.id().isEmpty()
                && !channel.teamId().equals(team.id())) {
            problems.add("team.id '" + team.id() + "' differs from channel.team_id '" + channel.teamId() + "'");
        }
        if (user == null) {
            problems.add("user is missing");
        }
        return problems;
    }

    /** The team id of the post: the team's, else the channel's. */
    public String teamId() {
        if (team != null && !team.id().isEmpty()) {
            return team.id();
        }
        return channel == null ? "" : channel.teamId();
    }
}
