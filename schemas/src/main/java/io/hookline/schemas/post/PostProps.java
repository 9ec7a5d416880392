package io.hookline.schemas.post;

/** Post props that carry meaning between the stages, as Mattermost names them. */
public final class PostProps {

    /**
     * Set to {@code "true"} on every post a webhook makes; such a post never triggers a hook, which is what keeps a
     * hook from answering its own answers.
     */
    public static final String FROM_WEBHOOK = "from_webhook";

    private PostProps() {
    }
}
