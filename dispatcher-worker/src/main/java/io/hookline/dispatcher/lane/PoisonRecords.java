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
        return new DeadLetter(STAGE, what + ": " + DeadLetter.withoutQuotedInput(e.getMessage()), record.topic(),
                record.partition(), record.offset());
    }
}
