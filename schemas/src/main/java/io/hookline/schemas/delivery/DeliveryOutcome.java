package io.hookline.schemas.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hookline.schemas.trigger.WebhookTrigger;
import io.hookline.schemas.interaction.InteractionCall;
import java.util.List;

/**
 * The value of {@code webhook-responses} (key: the trigger's key, {@code <hook_id>:<channel_id>}): the final outcome of
 * one delivery. Like every trigger, the one it carries holds no token and no signing secret.
 *
 * @param status             {@code succeeded} (a 2xx arrived) or {@code failed} (no more attempts will be made)
 * @param httpStatus         the last status code, null when no response arrived
 * @param responseBody       the body of the successful response as UTF-8 text (at most 1 MiB), null on failure
 * @param responseContentType the Content-Type of that response, null when absent
 * @param error              why the delivery failed, null on success
 * @param attempts           every attempt, in order
 * @param completedAt        epoch milliseconds
 * @param hookGone           true when it failed because its hook was gone at send time (deleted, not live, unknown,
 *                           or no longer calling this URL): a withdrawn hook's failures are not announced in the chat
 * @param interaction        for the call of an interaction (a click, a dialog submission or lookup) instead of a webhook
 *                           delivery: the interaction and what it resolved to; {@code trigger} is then null, the key is
 *                           the channel id, the delivery id is the interaction's id, and only HTTP 200 is a success
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
        long completedAt,
        boolean hookGone,
        InteractionCall interaction) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    /**
     * How {@code error} starts when the response was larger than what is read of it (1 MiB): for an interaction a 200
     * whose body did not fit is then a body Go could not decode, which Mattermost answers differently from one it
     * could not read at all.
     */
    public static final String RESPONSE_TOO_LARGE = "response too large";

    public DeliveryOutcome {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** An outcome of a delivery whose hook was there to send with. */
    public DeliveryOutcome(String deliveryId, WebhookTrigger trigger, String status, Integer httpStatus,
                           String responseBody, String responseContentType, String error,
                           List<DeliveryAttempt> attempts, long completedAt) {
        this(deliveryId, trigger, status, httpStatus, responseBody, responseContentType, error, attempts, completedAt,
                false, null);
    }

    /** An outcome of a delivery: {@code hookGone} when its hook was gone at send time. */
    public DeliveryOutcome(String deliveryId, WebhookTrigger trigger, String status, Integer httpStatus,
                           String responseBody, String responseContentType, String error,
                           List<DeliveryAttempt> attempts, long completedAt, boolean hookGone) {
        this(deliveryId, trigger, status, httpStatus, responseBody, responseContentType, error, attempts, completedAt,
                hookGone, null);
    }

    /** The outcome of calling an integration for an interaction ({@code call.event().id()} is the delivery id). */
    public static DeliveryOutcome ofInteraction(InteractionCall call, String status, Integer httpStatus,
                                                String responseBody, String responseContentType, String error,
                                                List<DeliveryAttempt> attempts, long completedAt) {
        return new DeliveryOutcome(call.event().id(), null, status, httpStatus, responseBody, responseContentType,
                error, attempts, completedAt, false, call);
    }

    /** Whether this is the outcome of an interaction rather than of a webhook delivery. */
    @JsonIgnore
    public boolean isInteraction() {
        return interaction != null;
    }

    @JsonIgnore
    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }
}
