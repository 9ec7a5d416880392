package io.hookline.schemas.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;

/**
 * The value of {@code webhook-responses} (key: the trigger's key, {@code <hook_id>:<channel_id>}): the final outcome of
 * one delivery. The trigger is carried redacted (no token, no signing secret).
 *
 * @param status             {@code succeeded} (a 2xx arrived) or {@code failed} (no more attempts will be made)
 * @param httpStatus         the last status code, null when no response arrived
 * @param responseBody       the body of the successful response as UTF-8 text (at most 1 MiB), null on failure
 * @param responseContentType the Content-Type of that response, null when absent
 * @param error              why the delivery failed, null on success
 * @param attempts           every attempt, in order
 * @param completedAt        epoch milliseconds
 */
public record DeliveryOutcome(
        String deliveryId,
        WebhookTrigger trigger,
        String status,
        Integer httpStatus,
        String responseBody,
        String responseContentType,
        String error,
        List<DeliveryAttempt> attempts,
        long completedAt) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public DeliveryOutcome {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    @JsonIgnore
    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }
}
