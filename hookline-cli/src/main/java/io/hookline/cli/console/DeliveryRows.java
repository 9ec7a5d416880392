package io.hookline.cli.console;

import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.hook.CallbackUrlCredentials;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The delivery log as the Deliveries page lists it, folded from three topics: the triggers ({@code webhook-triggers},
 * a delivery has started), the retries waiting ({@code webhook-retries}, its attempts so far and when the next one is
 * due) and the outcomes ({@code webhook-responses}, every attempt and how it ended). A failure is linked to its
 * redelivery, whose id is derived from it.
 */
final class DeliveryRows {

    static final String SUCCEEDED = DeliveryOutcome.SUCCEEDED;
    static final String FAILED = DeliveryOutcome.FAILED;
    /** triggered, no attempt made or no retry scheduled yet */
    static final String PENDING = "pending";
    /** an attempt failed and the next one is scheduled */
    static final String RETRYING = "retrying";
    static final int EXCERPT_CHARS = 500;

    /**
     * One delivery (or interaction call) in the log.
     *
     * @param kind          {@code webhook} or {@code interaction}
     * @param at            when it last moved: its completion, else its trigger
     * @param nextAttemptAt when a retrying delivery's next attempt is due
     * @param redeliveredAs the redelivery of a failure, when there is one
     * @param redeliveryOf  the failure this delivery redelivers
     */
    record Row(String deliveryId, String kind, String hookId, String hookDisplayName, String postId,
               String channelId, String userId, String userName, String text, String callbackUrl, String status,
               Integer httpStatus, String error, List<DeliveryAttempt> attempts, Long triggeredAt, Long completedAt,
               long at, Long nextAttemptAt, String responseExcerpt, String redeliveredAs, String redeliveryOf) {
    }

    /**
     * Which rows to list; null fields match anything.
     *
     * @param since epoch milliseconds, at or after
     * @param until epoch milliseconds, before
     */
    record Filter(String hookId, String status, String postId, Long since, Long until, int limit) {
    }

    private final Map<String, WebhookTrigger> triggers = new LinkedHashMap<>();
    private final Map<String, ScheduledRetry> retries = new HashMap<>();
    private final Map<String, DeliveryOutcome> outcomes = new LinkedHashMap<>();

    void trigger(WebhookTrigger trigger) {
        if (trigger.deliveryId().isEmpty()) {
            return;
        }
        triggers.put(trigger.deliveryId(), trigger);
    }

    void retry(ScheduledRetry retry) {
        if (retry.trigger() != null && !retry.trigger().deliveryId().isEmpty()) {
            retries.put(retry.trigger().deliveryId(), retry);
        }
    }

    /** In log order: a later outcome of one delivery id replaces an earlier one. */
    void outcome(DeliveryOutcome outcome) {
        if (outcome.deliveryId() != null && !outcome.deliveryId().isEmpty()) {
            outcomes.put(outcome.deliveryId(), outcome);
        }
    }

    DeliveryOutcome outcomeOf(String deliveryId) {
        return outcomes.get(deliveryId);
    }

    WebhookTrigger triggerOf(String deliveryId) {
        WebhookTrigger t = triggers.get(deliveryId);
        if (t == null && outcomes.get(deliveryId) != null) {
            t = outcomes.get(deliveryId).trigger();
        }
        return t;
    }

    /** The rows {@code filter} selects, newest first, at most {@code limit}. */
    List<Row> rows(Filter filter) {
        return all().stream().filter(r -> matches(r, filter))
                .sorted(Comparator.comparingLong(Row::at).reversed().thenComparing(Row::deliveryId))
                .limit(filter.limit()).toList();
    }

    /** The row of one delivery id, or null. */
    Row row(String deliveryId) {
        return all().stream().filter(r -> r.deliveryId().equals(deliveryId)).findFirst().orElse(null);
    }

    private List<Row> all() {
        Map<String, String> redeliveredAs = new HashMap<>();
        Map<String, String> redeliveryOf = new HashMap<>();
        outcomes.values().forEach(o -> {
            if (FAILED.equals(o.status()) && !o.isInteraction()) {
                String next = WebhookTrigger.redeliveryIdOf(o.deliveryId(), o.completedAt());
                if (outcomes.containsKey(next) || triggers.containsKey(next)) {
                    redeliveredAs.put(o.deliveryId(), next);
                    redeliveryOf.put(next, o.deliveryId());
                }
            }
        });
        List<Row> rows = new ArrayList<>();
        for (DeliveryOutcome o : outcomes.values()) {
            rows.add(o.isInteraction() ? interactionRow(o) : outcomeRow(o, triggers.get(o.deliveryId()),
                    redeliveredAs.get(o.deliveryId()), redeliveryOf.get(o.deliveryId())));
        }
        for (WebhookTrigger t : triggers.values()) {
            if (!outcomes.containsKey(t.deliveryId())) {
                rows.add(pendingRow(t, retries.get(t.deliveryId()), redeliveryOf.get(t.deliveryId())));
            }
        }
        return rows;
    }

    private static Row outcomeRow(DeliveryOutcome o, WebhookTrigger seen, String redeliveredAs, String redeliveryOf) {
        WebhookTrigger t = o.trigger() != null ? o.trigger() : seen;
        String excerpt = o.responseBody() != null ? o.responseBody()
                : o.attempts().isEmpty() ? null : o.attempts().get(o.attempts().size() - 1).bodyExcerpt();
        return new Row(o.deliveryId(), "webhook", t == null ? null : t.hookId(),
                t == null ? null : t.hookDisplayName(), t == null || t.payload() == null ? null : t.payload().postId(),
                t == null || t.payload() == null ? null : t.payload().channelId(),
                t == null || t.payload() == null ? null : t.payload().userId(),
                t == null || t.payload() == null ? null : t.payload().userName(),
                t == null || t.payload() == null ? null : t.payload().text(),
                t == null ? null : CallbackUrlCredentials.masked(t.callbackUrl()), o.status(), o.httpStatus(),
                o.error(), o.attempts(), t == null ? null : t.triggeredAt(), o.completedAt(), o.completedAt(), null,
                excerpt(excerpt), redeliveredAs, redeliveryOf);
    }

    private static Row pendingRow(WebhookTrigger t, ScheduledRetry retry, String redeliveryOf) {
        List<DeliveryAttempt> attempts = retry == null ? List.of() : retry.attempts();
        DeliveryAttempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        return new Row(t.deliveryId(), "webhook", t.hookId(), t.hookDisplayName(),
                t.payload() == null ? null : t.payload().postId(), t.payload() == null ? null : t.payload().channelId(),
                t.payload() == null ? null : t.payload().userId(), t.payload() == null ? null : t.payload().userName(),
                t.payload() == null ? null : t.payload().text(), CallbackUrlCredentials.masked(t.callbackUrl()),
                retry == null ? PENDING : RETRYING, last == null ? null : last.httpStatus(),
                last == null ? null : last.error(), attempts, t.triggeredAt(), null,
                last == null ? t.triggeredAt() : last.startedAt(), retry == null ? null : retry.dueAt(),
                last == null ? null : excerpt(last.bodyExcerpt()), null, redeliveryOf);
    }

    private static Row interactionRow(DeliveryOutcome o) {
        InteractionEvent e = o.interaction().event();
        Object postId = e == null || e.post() == null ? null : e.post().get("id");
        return new Row(o.deliveryId(), "interaction", null, e == null ? null : e.type(),
                postId == null ? null : postId.toString(), e == null || e.channel() == null ? null : e.channel().id(),
                e == null || e.user() == null ? null : e.user().id(),
                e == null || e.user() == null ? null : e.user().username(), null,
                e == null ? null : CallbackUrlCredentials.masked(e.url()), o.status(), o.httpStatus(), o.error(),
                o.attempts(), null, o.completedAt(), o.completedAt(), null, excerpt(o.responseBody()), null, null);
    }

    private static boolean matches(Row r, Filter f) {
        return (f.hookId() == null || Objects.equals(f.hookId(), r.hookId()))
                && (f.status() == null || f.status().equals(r.status()))
                && (f.postId() == null || Objects.equals(f.postId(), r.postId()))
                && (f.since() == null || r.at() >= f.since())
                && (f.until() == null || r.at() < f.until());
    }

    private static String excerpt(String body) {
        if (body == null) {
            return null;
        }
        return body.length() <= EXCERPT_CHARS ? body : body.substring(0, EXCERPT_CHARS) + "…";
    }
}
