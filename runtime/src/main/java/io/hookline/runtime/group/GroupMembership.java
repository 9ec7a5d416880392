package io.hookline.runtime.group;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.GroupProtocol;

/**
 * How a stage process belongs to its consumer groups, so that when one is killed a running peer takes its partitions
 * over within seconds: every group member (the dispatcher's lanes, the Streams applications' consumers) gets
 * {@code session.timeout.ms} and {@code heartbeat.interval.ms} ({@link Settings#SESSION_TIMEOUT},
 * {@link Settings#HEARTBEAT_INTERVAL}) unless configured otherwise.
 *
 * <p>Only under the classic group protocol (Kafka's default, also in 4.4): there the member chooses its session
 * timeout, within the broker's {@code group.min.session.timeout.ms} (6 s by default). Under {@code group.protocol=
 * consumer} (KIP-848) or Streams' {@code group.protocol=streams} (KIP-1071) the broker decides, from
 * {@code group.consumer.session.timeout.ms} / {@code group.streams.session.timeout.ms}, 45 s by default and never less
 * than the brokers' minimum (45 s by default), and a client that sets these keys is refused; then nothing is added.
 */
public final class GroupMembership {

    private GroupMembership() {
    }

    /**
     * Adds the membership settings to {@code clientProperties} (those of a consumer or a Streams application, which
     * already hold the Kafka settings configured explicitly); a bad value fails here, naming its key.
     */
    public static void apply(HooklineConfig config, Map<? super String, Object> clientProperties) {
        if (!classic(clientProperties)) {
            return;
        }
        int session = config.getPositiveMillis(Settings.SESSION_TIMEOUT);
        int heartbeat = config.getPositiveMillis(Settings.HEARTBEAT_INTERVAL);
        if (heartbeat >= session) {
            throw new IllegalArgumentException(Settings.HEARTBEAT_INTERVAL.name() + " (" + heartbeat + ", from "
                    + config.sourceOf(Settings.HEARTBEAT_INTERVAL.name()) + ") must be less than "
                    + Settings.SESSION_TIMEOUT.name() + " (" + session + ", from "
                    + config.sourceOf(Settings.SESSION_TIMEOUT.name()) + "), a third of it at most to survive a "
                    + "lost heartbeat");
        }
        clientProperties.put(Settings.SESSION_TIMEOUT.name(), session);
        clientProperties.put(Settings.HEARTBEAT_INTERVAL.name(), heartbeat);
    }

    private static boolean classic(Map<? super String, Object> clientProperties) {
        Object protocol = clientProperties.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        return protocol == null || protocol.toString().trim().equalsIgnoreCase(GroupProtocol.CLASSIC.name());
    }
}
