package io.hookline.schemas.post;

/** The channel a post was made in. {@code type}: {@code O} public, {@code P} private, {@code D} direct, {@code G} group. */
public record Channel(String id, String name, String displayName, String type, String teamId) {

    public static final String OPEN = "O";
    public static final String PRIVATE = "P";
    public static final String DIRECT = "D";
    public static final String GROUP = "G";

    public Channel {
        id = Post.orEmpty(id);
        name = Post.orEmpty(name);
        displayName = Post.orEmpty(displayName);
        type = Post.orEmpty(type);
        teamId = Post.orEmpty(teamId);
    }

    public boolean isPublic() {
        return OPEN.equals(type);
    }
}
