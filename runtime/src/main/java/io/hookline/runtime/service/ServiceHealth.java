package io.hookline.runtime.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a service reports to {@code /health}: whether it is alive (its threads and Kafka clients have not died, so
 * waiting helps) and ready (every Kafka client is running and owns its work, so it makes progress now).
 *
 * @param state   one word for operators: {@code RUNNING}, {@code REBALANCING}, {@code STARTING}, {@code DOWN}, ...
 * @param clients the state of each Kafka client or loop of the service, by a name of its role
 */
public record ServiceHealth(boolean live, boolean ready, String state, Map<String, String> clients) {

    /** Kafka Streams states in which the client still works or will again without help. */
    private static final Set<String> STREAMS_ALIVE = Set.of("CREATED", "REBALANCING", "RUNNING");

    public ServiceHealth {
        Objects.requireNonNull(state, "state");
        if (ready && !live) {
            throw new IllegalArgumentException("a service cannot be ready without being live");
        }
        clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients));
    }

    public static ServiceHealth down(String state, Map<String, String> clients) {
        return new ServiceHealth(false, false, state, clients);
    }

    /**
     * The health of a service made of Kafka Streams clients, from their {@code KafkaStreams.State} names by role.
     * Ready only when every client is {@code RUNNING}: {@code REBALANCING} moves tasks and processes nothing of
     * them, so a load balancer should wait; live while none is shutting down or failed ({@code PENDING_SHUTDOWN},
     * {@code NOT_RUNNING}, {@code PENDING_ERROR}, {@code ERROR}). The state is the least healthy client's.
     */
    public static ServiceHealth ofStreams(Map<String, String> streamsStates) {
        if (streamsStates.isEmpty()) {
            return down("NOT_STARTED", streamsStates);
        }
        String worst = null;
        for (String s : streamsStates.values()) {
            if (worst == null || rank(s) < rank(worst)) {
                worst = s;
            }
        }
        boolean live = streamsStates.values().stream().allMatch(STREAMS_ALIVE::contains);
        boolean ready = streamsStates.values().stream().allMatch("RUNNING"::equals);
        return new ServiceHealth(live, ready, worst, streamsStates);
    }

    private static int rank(String streamsState) {
        return switch (streamsState) {
            case "RUNNING" -> 4;
            case "REBALANCING" -> 3;
            case "CREATED" -> 2;
            case "PENDING_SHUTDOWN", "NOT_RUNNING" -> 1;
            default -> 0; // PENDING_ERROR, ERROR and anything unknown
        };
    }
}
