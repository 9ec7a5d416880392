package io.hookline.ingestor.post;

/** Mattermost's size limits of a post ({@code Post.IsValid}, {@code model/post.go}), counted in runes (code points). */
public final class PostLimits {

    /** {@code model.PostMessageMaxRunesV2}: the message of a post, in runes. */
    public static final int MESSAGE_RUNES = 16383;
    /** {@code model.PostPropsMaxRunes}: the JSON of a post's props, in runes; a larger post is refused. */
    public static final int PROPS_RUNES = 800000;
    /** {@code model.PostPropsMaxUserRunes}: what webhook splitting packs attachments into, below the hard limit. */
    public static final int SPLIT_PROPS_RUNES = 760000;

    private PostLimits() {
    }
}
