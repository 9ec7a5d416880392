package io.hookline.ingestor.stream;

import io.hookline.schemas.command.PostCommand;

/** What the response processor sends downstream: a command, or a record for the dead-letters topic. */
sealed interface Emission {

    record Command(PostCommand command) implements Emission {
    }

    /** The original key and value bytes, whole. */
    record DeadLettered(byte[] key, byte[] value) implements Emission {
    }
}
