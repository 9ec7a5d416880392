package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.delivery.DeliveryRecorder;
import io.hookline.dispatcher.http.CallbackTargets;
import io.hookline.dispatcher.delivery.DispatcherMetrics;

/**
 * What both lanes of one dispatcher deliver with, one of each per dispatcher.
 *
 * @param executor makes an attempt and writes what follows from it
 * @param recorder writes the dead letters of records a lane cannot read
 * @param targets  the destination of each callback URL, for the per-host budgets (shared with the HTTP client)
 */
public record Dispatch(DeliveryExecutor executor, DeliveryRecorder recorder, CallbackTargets targets,
                       DispatcherMetrics metrics) {
}
