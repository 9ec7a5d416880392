package io.hookline.matcher.trigger;

import io.hookline.matcher.rule.PostMatcher;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;

/**
 * What a valid post triggers: the stage's pure logic, apart from the processor's I/O. All triggers of a post are built
 * before any is written, so a post either yields all of them or (when building fails) none and a dead letter.
 */
@FunctionalInterface
public interface Triggering {

    /**
     * Every trigger of every hook {@code event} fires, hooks ordered by id, URLs in each hook's order.
     *
     * @param triggeredAt when the matcher accepted the post (epoch milliseconds)
     */
    List<WebhookTrigger> triggersOf(PostEvent event, long triggeredAt);

    /** Mattermost's rules over the live hooks of {@code matcher}, one trigger per (hook, callback URL). */
    static Triggering by(PostMatcher matcher) {
        return (event, triggeredAt) -> matcher.matches(event).stream()
                .flatMap(match -> TriggerFactory.triggers(event, match, triggeredAt).stream())
                .toList();
    }
}
