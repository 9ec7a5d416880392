package io.hookline.dispatcher.lane;

import java.time.Duration;

/**
 * How much a lane takes on and how long it finishes.
 *
 * @param maxPending       records without a result at which consumption pauses (it resumes below half)
 * @param maxQueuedPerHost deliveries that may wait for one destination; beyond that a destination that keeps moving
 *                         holds back its partition (back-pressure), a slow one has new deliveries set aside (no
 *                         attempt used) and a failing one has them fail fast (an attempt without a request)
 * @param hostMaxWait      about when a delivery set aside is tried again (the schedulers' per-host setting holds the
 *                         same value: how long a full queue may take to start before its destination counts as slow)
 * @param shutdownGrace    how long stopping waits for deliveries in flight
 */
public record LaneLimits(int maxPending, int maxQueuedPerHost, Duration hostMaxWait, Duration shutdownGrace) {
}
