package io.hookline.dispatcher.lane;

import java.time.Duration;

/**
 * How much a lane takes on and how long it finishes.
 *
 * @param maxPending       records without a result at which consumption pauses (it resumes below half)
 * @param maxQueuedPerHost deliveries waiting for one destination beyond which new ones are shed to the retry schedule
 * @param shutdownGrace    how long stopping waits for deliveries in flight
 */
public record LaneLimits(int maxPending, int maxQueuedPerHost, Duration shutdownGrace) {
}
