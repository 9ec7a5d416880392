package io.hookline.ingestor.outcome;

import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.serde.JsonSerde;

/**
 * How large a post command may be. Kafka's default record size limit is 1 MiB; a larger command would stop the stream
 * when it is produced, so the ingestor checks each command, as it will be written, before publishing it.
 */
public final class CommandSize {

    /** The most bytes a command may take as written to {@code post-commands} (its JSON). */
    public static final int MAX_BYTES = 1_000_000;

    private final JsonSerde<PostCommand> serde = JsonSerde.of(PostCommand.class);

    /** The size of {@code command} as written to {@code post-commands}. */
    public int bytes(PostCommand command) {
        return serde.serialize(null, command).length;
    }

    /** Whether a command of {@code bytes} may be published. */
    public static boolean fits(int bytes) {
        return bytes <= MAX_BYTES;
    }
}
