package io.hookline.ingestor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.serde.JsonSchemas;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.serde.Json;
import java.util.Collection;

/** Checks produced commands against {@code schemas/post-command.schema.json} (networknt json-schema-validator). */
public final class CommandSchema {

    private static final JsonSchemas SCHEMAS = new JsonSchemas();
    private static final JsonSerde<PostCommand> SERDE = JsonSerde.of(PostCommand.class);

    private CommandSchema() {
    }

    /** Validates the command as it is written on the topic (serialised, then read back as a JSON tree). */
    public static void assertValid(PostCommand command) {
        try {
            var tree = Json.mapper().readTree(SERDE.toBytes(command));
            assertThat(SCHEMAS.problems(JsonSchemas.POST_COMMAND, tree))
                    .as("schema problems of command %s", tree)
                    .isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    public static void assertAllValid(Collection<PostCommand> commands) {
        commands.forEach(CommandSchema::assertValid);
    }
}
