package io.hookline.cli.deliveries;

import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The delivery log ({@code webhook-responses}) as redelivery sees it: the latest outcome of each delivery id, and
 * which failed deliveries a selection asks to redeliver. A redelivery has a delivery id of its own, so a failure is
 * followed along its redeliveries to the newest one: when that succeeded there is nothing left to do, when it failed
 * that failure is the one to redeliver, and two selected failures of one chain give one redelivery. The outcomes of
 * interactions (clicks, dialog calls) on the same topic are never redelivered: a person waited for them, and their
 * trigger id has expired since.
 */
final class FailedDeliveries {

    /** What redelivering one selected failure comes to. */
    sealed interface Plan {
        /** The delivery id the plan ends its chain with: two plans with one end are one. */
        String chainEnd();
    }

    /** Redeliver {@code failed} (the newest failure of its chain) as {@code redeliveryId}. */
    record Redeliver(DeliveryOutcome failed, String redeliveryId) implements Plan {
        @Override
        public String chainEnd() {
            return redeliveryId;
        }
    }

    /** A redelivery of {@code deliveryId} already succeeded as {@code redeliveryId}. */
    record AlreadyRedelivered(String deliveryId, String redeliveryId) implements Plan {
        @Override
        public String chainEnd() {
            return redeliveryId;
        }
    }

    /** {@code deliveryId} was asked for by id, but it cannot be redelivered, {@code why}. */
    record Unredeliverable(String deliveryId, String why) implements Plan {
        @Override
        public String chainEnd() {
            return deliveryId;
        }
    }

    private final Map<String, DeliveryOutcome> latest = new HashMap<>();
    private final Set<String> interactions = new HashSet<>();

    /**
     * Takes the outcomes in log order: a later outcome of a delivery id replaces an earlier one. An interaction's
     * outcome is only remembered as one, to say so when it is asked for by id.
     */
    void add(DeliveryOutcome outcome) {
        if (outcome == null || outcome.deliveryId() == null || outcome.deliveryId().isEmpty()) {
            return;
        }
        if (outcome.isInteraction()) {
            interactions.add(outcome.deliveryId());
        } else {
            latest.put(outcome.deliveryId(), outcome);
        }
    }

    /** The id a redelivery of {@code failed} gets. */
    static String redeliveryIdOf(DeliveryOutcome failed) {
        return WebhookTrigger.redeliveryIdOf(failed.deliveryId(), failed.completedAt());
    }

    /** One plan per selected failure, in the order of the selection; chains already planned are not repeated. */
    List<Plan> plan(Selection selection) {
        List<Plan> plans = new ArrayList<>();
        Set<String> planned = new LinkedHashSet<>();
        for (String id : selected(selection, plans)) {
            Plan plan = follow(latest.get(id));
            if (planned.add(plan.chainEnd())) {
                plans.add(plan);
            }
        }
        return plans;
    }

    /** The ids of the selected failed outcomes; ids asked for that have none get an {@link Unredeliverable} in plans. */
    private List<String> selected(Selection selection, List<Plan> plans) {
        List<String> ids = new ArrayList<>();
        if (!selection.deliveryIds().isEmpty()) {
            for (String id : selection.deliveryIds()) {
                DeliveryOutcome o = latest.get(id);
                if (o == null && interactions.contains(id)) {
                    plans.add(new Unredeliverable(id, "it is the outcome of an interaction (a click or a dialog call), "
                            + "which is never redelivered: its trigger id has expired and nobody waits for it now"));
                } else if (o == null) {
                    plans.add(new Unredeliverable(id, "the delivery log has no outcome of it"));
                } else if (o.succeeded()) {
                    plans.add(new Unredeliverable(id, "it succeeded"));
                } else if (selection.matches(o)) {
                    ids.add(id);
                } else {
                    plans.add(new Unredeliverable(id, "its failure is not of the selected hook or time"));
                }
            }
            return ids;
        }
        // a chain's own redeliveries that failed are failures too; every one is followed to its end
        Map<String, DeliveryOutcome> ordered = new LinkedHashMap<>();
        latest.values().stream()
                .filter(o -> DeliveryOutcome.FAILED.equals(o.status()) && selection.matches(o))
                .sorted(Comparator.comparingLong(DeliveryOutcome::completedAt))
                .forEach(o -> ordered.put(o.deliveryId(), o));
        ids.addAll(ordered.keySet());
        return ids;
    }

    private Plan follow(DeliveryOutcome failed) {
        DeliveryOutcome current = failed;
        while (true) {
            String next = redeliveryIdOf(current);
            DeliveryOutcome after = latest.get(next);
            if (after == null) {
                return new Redeliver(current, next);
            }
            if (after.succeeded()) {
                return new AlreadyRedelivered(failed.deliveryId(), next);
            }
            current = after;
        }
    }
}
