package io.hookline.matcher.testing;

import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.List;
import java.util.Map;

/** Post events for tests, changed one field at a time. */
public final class Posts {

    public static final String TEAM = Ids.deterministic("team", "engineering");
    public static final String OTHER_TEAM = Ids.deterministic("team", "sales");
    public static final String CHANNEL = Ids.deterministic("channel", "town-square");
    public static final String OTHER_CHANNEL = Ids.deterministic("channel", "off-topic");
    public static final String USER = Ids.deterministic("user", "alice");

    private Posts() {
    }

    public static Builder post(String message) {
        return new Builder().message(message);
    }

    public static final class Builder {
        private String id = Ids.newId();
        private long createAt = 1_764_150_000_000L;
        private long editAt;
        private long deleteAt;
        private String channelId = CHANNEL;
        private String rootId = "";
        private String message = "";
        private String type = "";
        private Map<String, Object> props = Map.of();
        private List<String> fileIds = List.of();
        private String channelType = Channel.OPEN;
        private String teamId = TEAM;
        private String teamName = "engineering";
        private String channelName = "town-square";
        private String username = "alice";

        public Builder id(String v) { id = v; return this; }
        public Builder createAt(long v) { createAt = v; return this; }
        public Builder editAt(long v) { editAt = v; return this; }
        public Builder deleteAt(long v) { deleteAt = v; return this; }
        public Builder channel(String v) { channelId = v; return this; }
        public Builder rootId(String v) { rootId = v; return this; }
        public Builder message(String v) { message = v; return this; }
        public Builder type(String v) { type = v; return this; }
        public Builder props(Map<String, Object> v) { props = v; return this; }
        public Builder files(String... v) { fileIds = List.of(v); return this; }
        public Builder channelType(String v) { channelType = v; return this; }
        public Builder team(String v) { teamId = v; return this; }
        public Builder teamName(String v) { teamName = v; return this; }
        public Builder channelName(String v) { channelName = v; return this; }
        public Builder username(String v) { username = v; return this; }

        public PostEvent build() {
            Post post = new Post(id, createAt, createAt, editAt, deleteAt, USER, channelId, rootId, message, type,
                    props, fileIds);
            return new PostEvent(post, new Channel(channelId, channelName, "Display " + channelName, channelType,
                    teamId), new Team(teamId, teamName, "Display " + teamName), new User(USER, username));
        }
    }
}
