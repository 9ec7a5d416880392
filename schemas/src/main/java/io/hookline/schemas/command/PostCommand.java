package io.hookline.schemas.command;

/**
 * The value of {@code post-commands} (key: channel id): a post for the chat server to create.
 *
 * @param id     deterministic: the same delivery (and part) always gives the same id, so the consumer can drop repeats
 * @param type   {@link #CREATE_POST} ({@code POST /api/v4/posts}) or {@link #EPHEMERAL_POST}
 *               ({@code POST /api/v4/posts/ephemeral}, shown to {@code user_id} only)
 * @param userId for an ephemeral post, the one user who sees it; null otherwise
 */
public record PostCommand(String id, String type, String userId, CommandPost post, CommandOrigin origin) {

    public static final String CREATE_POST = "create_post";
    public static final String EPHEMERAL_POST = "ephemeral_post";
}
