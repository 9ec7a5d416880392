package io.hookline.runtime.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.errors.TaskMigratedException;

/**
 * What a stage does with an error that escaped a stream thread: a thread whose transaction the broker aborted (it
 * stalled past {@code transaction.timeout.ms}: CPU, GC) is replaced, everything else stops the client.
 *
 * <p>Why: Kafka Streams recovers from most fencings itself, but a broker-side abort can also surface as an error it
 * does not map to a task migration ({@code InvalidTxnStateException} was measured on an overloaded machine), which
 * would otherwise stop a healthy process. Replacing the thread is safe under exactly-once: the lost transaction is
 * aborted, the new thread has its own producer and redoes the work from the last commit. This is what lets the
 * transaction timeout be short, and a killed process's open transaction (which holds back its partitions until the
 * broker aborts it) hold them only briefly.
 *
 * <p>A loop of losses is a bug or a broken cluster, not a stall: after {@link #MAX_REPLACEMENTS} replacements within
 * {@link #WINDOW} the client stops, as for any other error, so that the operator sees it.
 */
final class LostTransactionRecovery {

    static final int MAX_REPLACEMENTS = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);

    private static final Set<Class<? extends Throwable>> LOST_TRANSACTION = Set.of(InvalidTxnStateException.class,
            ProducerFencedException.class, InvalidProducerEpochException.class, InvalidPidMappingException.class,
            TransactionAbortableException.class, TaskMigratedException.class, TaskCorruptedException.class);

    private final Clock clock;
    private final Deque<Instant> replacements = new ArrayDeque<>();

    LostTransactionRecovery(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether {@code error} or one of its causes says the thread's transaction was lost. */
    static boolean isLostTransaction(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> type : LOST_TRANSACTION) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The response to {@code error}, counting a replacement when it is one. */
    synchronized StreamThreadExceptionResponse respond(Throwable error) {
        if (!isLostTransaction(error)) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        Instant now = clock.instant();
        while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(WINDOW))) {
            replacements.removeFirst();
        }
        if (replacements.size() >= MAX_REPLACEMENTS) {
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        replacements.addLast(now);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
