package io.hookline.dispatcher.lane;

import java.time.Duration;

/**
 * How much a lane takes on and how long it finishes.
 *
 * @param maxPending       records without a result at which consumption pauses (it resumes below half)
 * @param maxQueuedPerHost deliveries that may wait for one destination; beyond that a healthy destination holds back
 *                         its partition (back-pressure), a failing or slow one has new deliveries set aside
 * @param hostMaxWait      the longest a destination's full queue may hold back a partition before the destination
 *                         counts as slow; also about when a delivery set aside is tried again
 * @param shutdownGrace    how long stopping waits for deliveries in flight
 */
public record LaneLimits(int maxPending, int maxQueuedPerHost, Duration hostMaxWait, Duration shutdownGrace) {
}
