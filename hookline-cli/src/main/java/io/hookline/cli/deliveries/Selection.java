package io.hookline.cli.deliveries;

import io.hookline.schemas.delivery.DeliveryOutcome;
import java.util.List;

/**
 * Which failed deliveries to redeliver: the given delivery ids (none: every failure), narrowed to one hook and to
 * failures at or after a moment. Null fields match anything.
 *
 * @param sinceMillis epoch milliseconds; a failure counts from its {@code completed_at}
 */
public record Selection(List<String> deliveryIds, String hookId, Long sinceMillis) {

    public Selection {
        deliveryIds = deliveryIds == null ? List.of() : List.copyOf(deliveryIds);
    }

    public boolean matches(DeliveryOutcome failed) {
        if (hookId != null && (failed.trigger() == null || !hookId.equals(failed.trigger().hookId()))) {
            return false;
        }
        return sinceMillis == null || failed.completedAt() >= sinceMillis;
    }
}
