package io.hookline.cli.deliveries;

import io.hookline.matcher.trigger.TriggerFactory;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.trigger.WebhookTrigger;

/**
 * The trigger of a redelivery: the failed delivery's post (payload, thread) and callback URL, with the hook's current
 * settings. Like every trigger it carries no token or secret: the dispatcher sends it with the hook as it is then.
 */
final class RedeliveryTrigger {

    private RedeliveryTrigger() {
    }

    /**
     * @param now when the redelivery is made
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
        if (!hook.callbackUrls().contains(old.callbackUrl())) {
            throw new IllegalArgumentException("its callback URL is no longer one of hook " + hook.id()
                    + "'s callback URLs");
        }
        return TriggerFactory.trigger(hook, redeliveryId, old.callbackUrl(), old.rootId(), old.payload(), now);
    }
}
