package io.hookline.cli.deliveries;

import io.hookline.matcher.trigger.TriggerFactory;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.CallbackUrlCredentials;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;

/**
 * The trigger of a redelivery: the failed delivery's post (payload, thread) and callback URL, with the hook as it is
 * now: its current token and signing secrets, which the failed outcome never carries.
 */
final class RedeliveryTrigger {

    private RedeliveryTrigger() {
    }

    /**
     * @param now when the redelivery is made: the signing secrets valid then sign it
     * @throws IllegalArgumentException naming why the failure cannot be redelivered with this hook
     */
    static WebhookTrigger of(DeliveryOutcome failed, String redeliveryId, OutgoingWebhook hook, long now) {
        WebhookTrigger old = failed.trigger();
        if (old == null || old.payload() == null) {
            throw new IllegalArgumentException("its outcome carries no trigger to redeliver");
        }
        if (!old.hookId().equals(hook.id())) {
            throw new IllegalArgumentException("it was a delivery of hook " + old.hookId() + ", not of hook "
                    + hook.id());
        }
        // the outcome carries the URL with its password masked: the hook's URL of that masked form is the one
        List<String> matching = hook.callbackUrls().stream().distinct()
                .filter(u -> CallbackUrlCredentials.masked(u).equals(CallbackUrlCredentials.masked(old.callbackUrl())))
                .toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("its callback URL is no longer one of hook " + hook.id()
                    + "'s callback URLs");
        }
        if (matching.size() > 1) {
            throw new IllegalArgumentException("hook " + hook.id() + " has several callback URLs that differ only in "
                    + "their password, so which one failed is unknown");
        }
        return TriggerFactory.trigger(hook, redeliveryId, matching.get(0), old.rootId(), old.payload(), now);
    }
}
