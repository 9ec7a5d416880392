package io.hookline.runtime.topic;

import io.hookline.runtime.config.Settings;

/**
 * The replication of the topics Hookline creates on a cluster of a given size: the configured replication factor and
 * {@code min.insync.replicas}, each capped to what the cluster can hold.
 *
 * @param replicationFactor the factor to create topics with, or -1 for the broker's {@code default.replication.factor}
 * @param minInsyncReplicas the topics' {@code min.insync.replicas}, or -1 for the broker's
 * @param note              why a configured value was capped, or empty when none was
 */
public record TopicReplication(int replicationFactor, int minInsyncReplicas, String note) {

    /**
     * @param configuredFactor  {@code hookline.topic-replication-factor} (-1: the broker's default)
     * @param configuredMinIsr  {@code hookline.topic-min-insync-replicas} (-1: the broker's default)
     * @param brokers           the brokers the cluster has right now
     */
    public static TopicReplication decide(int configuredFactor, int configuredMinIsr, int brokers) {
        if (configuredFactor == 0 || configuredFactor < -1) {
            throw new IllegalArgumentException(Settings.TOPIC_REPLICATION_FACTOR.name()
                    + " must be -1 (the broker's default) or at least 1, got " + configuredFactor);
        }
        if (configuredMinIsr == 0 || configuredMinIsr < -1) {
            throw new IllegalArgumentException(Settings.TOPIC_MIN_INSYNC_REPLICAS.name()
                    + " must be -1 (the broker's default) or at least 1, got " + configuredMinIsr);
        }
        if (brokers < 1) {
            throw new IllegalArgumentException("the cluster reports no brokers");
        }
        if (configuredFactor == -1) {
            // the broker decides the copies, so only it can tell how many must be in sync
            return new TopicReplication(-1, configuredMinIsr == -1 ? -1 : Math.min(configuredMinIsr, brokers), "");
        }
        int factor = Math.min(configuredFactor, brokers);
        int minIsr = configuredMinIsr == -1 ? -1 : Math.min(configuredMinIsr, factor);
        if (factor == configuredFactor && minIsr == configuredMinIsr) {
            return new TopicReplication(factor, minIsr, "");
        }
        String note = "the cluster has " + brokers + (brokers == 1 ? " broker" : " brokers")
                + ": topics get replication factor " + factor
                + (minIsr == -1 ? "" : " and min.insync.replicas " + minIsr)
                + " instead of the configured " + configuredFactor
                + (configuredMinIsr == -1 ? "" : "/" + configuredMinIsr)
                + (factor == 1 ? "; a lost broker disk loses their data (fine for development, not production)"
                        : "; add brokers for the configured safety");
        return new TopicReplication(factor, minIsr, note);
    }

    public boolean capped() {
        return !note.isEmpty();
    }
}
