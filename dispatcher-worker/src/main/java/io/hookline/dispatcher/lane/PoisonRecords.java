package io.hookline.dispatcher.lane;

import io.hookline.schemas.deadletter.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Dead-letter descriptions for records a lane cannot read. */
final class PoisonRecords {

    /** The stage name on the dispatcher's dead letters. */
    static final String STAGE = "dispatcher";

    private PoisonRecords() {
    }

    static DeadLetter describe(ConsumerRecord<byte[], byte[]> record, String what, Exception e) {
        return new DeadLetter(STAGE, what + ": " + safe(e.getMessage()), record.topic(),
                record.partition(), record.offset());
    }

    /**
     * The message without quoted fragments: a parser quotes pieces of the input, and the input may hold a token or a
     * signing secret.
     */
    static String safe(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.replaceAll("'[^']*'", "'...'").replaceAll("\"[^\"]*\"", "\"...\"");
    }
}
