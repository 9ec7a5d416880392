package io.hookline.dispatcher.delivery;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Where a delivery's trigger was read from on {@code webhook-triggers}. Retry records carry it in headers so that
 * a dead letter written after the last retry still points at the original trigger record.
 */
public record DeliveryOrigin(String topic, int partition, long offset) {

    public static final String TOPIC = "hookline.origin.topic";
    public static final String PARTITION = "hookline.origin.partition";
    public static final String OFFSET = "hookline.origin.offset";

    public Headers writeTo(Headers headers) {
        headers.add(TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        headers.add(PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
        headers.add(OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** The origin in {@code headers}, or {@code fallback} when they carry none or an unreadable one. */
    public static DeliveryOrigin from(Headers headers, DeliveryOrigin fallback) {
        Header t = headers.lastHeader(TOPIC);
        Header p = headers.lastHeader(PARTITION);
        Header o = headers.lastHeader(OFFSET);
        if (t == null || p == null || o == null) {
            return fallback;
        }
        try {
            return new DeliveryOrigin(new String(t.value(), StandardCharsets.UTF_8),
                    Integer.parseInt(new String(p.value(), StandardCharsets.UTF_8)),
                    Long.parseLong(new String(o.value(), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
