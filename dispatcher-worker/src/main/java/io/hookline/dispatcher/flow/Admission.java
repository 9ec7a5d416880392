package io.hookline.dispatcher.flow;

/**
 * What becomes of a delivery handed to a lane, decided by its host's queue and health. A delivery with room in its
 * host's queue is queued whatever the host's health, so its fate is decided by a real request to its own endpoint
 * (a host whose other endpoints fail or hang still delivers to its healthy ones). Beyond the queue:
 * <ul>
 *   <li>the host starts its queue within the allowed wait: the delivery waits. A partition carries deliveries to many
 *       hosts, but a host that keeps moving holds its partitions back only as long as it takes to work through half
 *       its queue, while setting its surplus aside would only send it round the retry topic to queue again;</li>
 *   <li>the host would not start its queue in time (slow, or stopped answering): waiting would stall the other hosts
 *       on its partitions for as long as it takes, so the delivery leaves the lane. If the host is merely slow or
 *       saturated (its requests still succeed), it is set aside without using an attempt: the host is not failing,
 *       the delivery is. If the host is also failing (most recent results failed), the delivery fails fast instead: an
 *       attempt without a request, on its retry schedule. Setting a failing host's deliveries aside for free would let
 *       a dead host keep them for ever without a single attempt (each comes back, finds the host still stuck and goes
 *       round again), while a delivery to a dead host must fail after its retry schedule, as it would with real
 *       requests. An attempt is only spent this way when a real one could not have started within the allowed wait,
 *       and never the last one: a delivery's final failure is always its own endpoint's answer (or silence) to a real
 *       request, so a healthy or flapping endpoint on a host whose other endpoints hang still gets its chance. A
 *       last attempt that finds its failing host stuck is set aside instead; it is queued for its request as soon as
 *       the host's queue has room, which the host's pace bounds, since every earlier attempt queued there fails
 *       fast.</li>
 * </ul>
 */
public enum Admission {
    /** Queued for its host (there is room in the host's queue). */
    QUEUE,
    /**
     * Its host's queue is full and the host keeps moving: the delivery waits where it is (the lane stops taking new
     * work from its partition until the host has room), and no attempt is used.
     */
    WAIT,
    /**
     * Its host's queue is full and would not start within the allowed wait, and the host is not failing (slow or
     * saturated), or the delivery's next attempt is its last: the delivery goes to the retry schedule without using an
     * attempt.
     */
    SET_ASIDE,
    /**
     * Its host's queue is full and would not start within the allowed wait, the host is failing, and the delivery has
     * attempts left after this one: it spends this attempt without a request ("not sent: host failing") and follows
     * its retry schedule, so it comes to its last attempt within the schedule's span, as it would against the dead
     * host itself.
     */
    FAIL_FAST;

    /**
     * @param waiting   deliveries already queued for the host
     * @param maxQueued how many may queue for one host
     * @param failing   whether most of the host's recent results failed ({@link HostLimit#failing})
     * @param slow      whether the host would not start its queue within the allowed wait ({@link HostLimit#slow})
     * @param last      whether the delivery's next attempt is its last (no retry may follow it)
     */
    static Admission decide(int waiting, int maxQueued, boolean failing, boolean slow, boolean last) {
        if (waiting < maxQueued) {
            return QUEUE;
        }
        if (!slow) {
            return WAIT;
        }
        return failing && !last ? FAIL_FAST : SET_ASIDE;
    }
}
