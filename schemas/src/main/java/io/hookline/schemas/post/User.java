package io.hookline.schemas.post;

/** The author of a post. */
public record User(String id, String username) {

    public User {
        id = Post.orEmpty(id);
        username = Post.orEmpty(username);
    }
}
