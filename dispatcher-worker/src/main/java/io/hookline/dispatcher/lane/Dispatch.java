package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.delivery.DeliveryRecorder;
import io.hookline.dispatcher.http.CallbackTargets;
import io.hookline.dispatcher.delivery.DispatcherMetrics;

/**
 * What the lanes of one dispatcher deliver with, one of each per dispatcher.
 *
 * @param executor makes a webhook attempt and writes what follows from it (the interaction lane has its own)
 * @param recorder writes the dead letters of records a lane cannot read
 * @param targets  the destination of each callback URL, for the per-host budgets (shared with the HTTP clients)
 */
public record Dispatch(DeliveryExecutor executor, DeliveryRecorder recorder, CallbackTargets targets,
                       DispatcherMetrics metrics) {
}
