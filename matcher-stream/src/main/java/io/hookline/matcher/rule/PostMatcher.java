package io.hookline.matcher.rule;

import io.hookline.matcher.index.HookMatch;
import io.hookline.matcher.index.TriggerIndex;
import io.hookline.matcher.rule.GoWhitespace;
import io.hookline.schemas.post.PostEvent;
import java.util.List;

/** Mattermost's triggering rules (reference 1.3) over the live hooks of a {@link TriggerIndex}. */
public final class PostMatcher {

    private final TriggerIndex index;
    private final boolean outgoingWebhooksEnabled;

    /** @param outgoingWebhooksEnabled Mattermost's {@code EnableOutgoingWebhooks}: when false nothing ever fires */
    public PostMatcher(TriggerIndex index, boolean outgoingWebhooksEnabled) {
        this.index = index;
        this.outgoingWebhooksEnabled = outgoingWebhooksEnabled;
    }

    /** The hooks that fire for {@code event}, ordered by hook id; the event must be free of problems. */
    public List<HookMatch> matches(PostEvent event) {
        if (!outgoingWebhooksEnabled || PostEligibility.ineligibility(event).isPresent()) {
            return List.of();
        }
        return index.match(event.teamId(), event.post().channelId(), GoWhitespace.firstWord(event.post().message()));
    }
}
