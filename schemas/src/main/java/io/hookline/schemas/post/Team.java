package io.hookline.schemas.post;

/** The team of the channel; {@code name} is what Mattermost calls the team domain. */
public record Team(String id, String name, String displayName) {

    public Team {
        id = Post.orEmpty(id);
        name = Post.orEmpty(name);
        displayName = Post.orEmpty(displayName);
    }
}
