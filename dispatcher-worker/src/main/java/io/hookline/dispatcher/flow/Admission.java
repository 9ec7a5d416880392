package io.hookline.dispatcher.flow;

/**
 * What becomes of a delivery handed to a lane, decided by its host's queue and health. Why two answers for a full
 * queue: a partition carries deliveries to many hosts, so waiting for a dead or very slow host would stall the others
 * on its partitions for as long as that host takes; setting its surplus aside costs one durable write each and keeps
 * them flowing. A healthy host is the bottleneck doing its best: waiting for it holds its partitions back only as long
 * as it takes to work through half its queue, while setting its surplus aside would only send it round the retry
 * topic to queue again. Neither loses a delivery or uses one of its attempts.
 */
public enum Admission {
    /** Queued for its host (there is room in the host's queue). */
    QUEUE,
    /**
     * Its host's queue is full and the host is healthy: the delivery waits where it is (the lane stops taking new
     * work from its partition until the host has room), and no attempt is used.
     */
    WAIT,
    /**
     * Its host's queue is full and the host is failing or too slow to start it within the allowed wait: the delivery
     * goes to the retry schedule without using an attempt, so the host cannot hold up consumption for the others.
     */
    SET_ASIDE;

    /**
     * @param waiting   deliveries already queued for the host
     * @param maxQueued how many may queue for one host
     * @param troubled  whether the host is failing or slow ({@link HostLimit#troubled})
     */
    static Admission decide(int waiting, int maxQueued, boolean troubled) {
        if (waiting < maxQueued) {
            return QUEUE;
        }
        return troubled ? SET_ASIDE : WAIT;
    }
}
