package io.hookline.schemas.delivery;

import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;

/**
 * The value of the dispatcher-internal {@code webhook-retries} topic (key: the trigger's key): a delivery waiting for
 * its next attempt. Its state lives in Kafka so that a pending retry survives a crash or restart of any worker. Like
 * every trigger it carries no secret: the next attempt takes the token and signing secrets of the hook as it is then.
 *
 * @param attempts the attempts made so far, in order; none when the delivery was set aside before its first attempt
 * @param dueAt    epoch milliseconds before which the next attempt must not start
 */
public record ScheduledRetry(WebhookTrigger trigger, List<DeliveryAttempt> attempts, long dueAt) {

    public ScheduledRetry {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
