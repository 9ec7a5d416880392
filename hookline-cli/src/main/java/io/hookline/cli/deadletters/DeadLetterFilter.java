package io.hookline.cli.deadletters;

import io.hookline.schemas.deadletter.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Which dead letters a command acts on: all, those of one stage or source topic, or the one at a
 * {@code partition:offset} of the dead-letters topic. Null fields match anything.
 */
record DeadLetterFilter(String stage, String sourceTopic, Integer partition, Long offset) {

    /** Parses {@code PARTITION:OFFSET}. */
    public static DeadLetterFilter at(String position) {
        String[] parts = position.split(":");
        try {
            if (parts.length == 2) {
                return new DeadLetterFilter(null, null, Integer.parseInt(parts[0].trim()),
                        Long.parseLong(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--at must be PARTITION:OFFSET of the dead-letters topic, e.g. 0:17; got '"
                + position + "'");
    }

    public boolean matches(ConsumerRecord<byte[], byte[]> r) {
        if (partition != null && (r.partition() != partition || r.offset() != offset)) {
            return false;
        }
        DeadLetter d = DeadLetter.from(r.headers());
        if (stage != null && (d == null || !d.stage().equals(stage))) {
            return false;
        }
        return sourceTopic == null || (d != null && d.topic().equals(sourceTopic));
    }
}
