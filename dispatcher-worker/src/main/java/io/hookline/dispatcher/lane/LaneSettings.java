package io.hookline.dispatcher.lane;

/**
 * One lane's settings.
 *
 * @param name        {@code first} or {@code retry}: the metrics tag
 * @param topic       what the lane consumes
 * @param stopMessage logged once when a result cannot be written and the lane stops
 */
record LaneSettings(String name, String topic, String stopMessage, LaneLimits limits) {
}
