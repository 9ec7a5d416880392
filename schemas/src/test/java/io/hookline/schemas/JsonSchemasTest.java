package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.serde.JsonSchemas;
import io.hookline.schemas.serde.Json;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    private final JsonSchemas schemas = new JsonSchemas();

    @Test
    void sampleRecordsOfEveryTopicValidate() {
        assertThat(schemas.problemsOf(JsonSchemas.POST_EVENT, Samples.postEvent())).isEmpty();
        assertThat(schemas.problemsOf(JsonSchemas.OUTGOING_WEBHOOK, Samples.hook())).isEmpty();
        assertThat(schemas.problemsOf(JsonSchemas.WEBHOOK_TRIGGER, Samples.trigger())).isEmpty();
        assertThat(schemas.problemsOf(JsonSchemas.DELIVERY_OUTCOME, Samples.outcome())).isEmpty();
        assertThat(schemas.problemsOf(JsonSchemas.SCHEDULED_RETRY, Samples.retry())).isEmpty();
        assertThat(schemas.problemsOf(JsonSchemas.POST_COMMAND, Samples.command())).isEmpty();
    }

    @Test
    void postCommandSchemaRejectsBrokenCommands() {
        ObjectNode command = Json.mapper().valueToTree(Samples.command());
        command.put("type", "delete_post");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, command)).isNotEmpty();

        ObjectNode ephemeral = Json.mapper().valueToTree(Samples.command());
        ephemeral.put("type", PostCommand.EPHEMERAL_POST);
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, ephemeral)).as("ephemeral needs user_id").isNotEmpty();

        ObjectNode systemType = Json.mapper().valueToTree(Samples.command());
        ((ObjectNode) systemType.get("post")).put("type", "system_join_channel");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, systemType)).isNotEmpty();

        ObjectNode noOrigin = Json.mapper().valueToTree(Samples.command());
        noOrigin.remove("origin");
        assertThat(schemas.problems(JsonSchemas.POST_COMMAND, noOrigin)).isNotEmpty();
    }

    @Test
    void outcomeSchemaRejectsALeakedToken() {
        ObjectNode outcome = Json.mapper().valueToTree(Samples.outcome());
        ((ObjectNode) outcome.get("trigger").get("payload")).put("token", "tokentokentokentokentoken1");
        assertThat(schemas.problems(JsonSchemas.DELIVERY_OUTCOME, outcome)).isNotEmpty();
    }

    @Test
    void triggerPayloadHasExactlyTheTwelveMattermostFields() {
        ObjectNode trigger = Json.mapper().valueToTree(Samples.trigger());
        assertThat(trigger.get("payload").size()).isEqualTo(12);
        ((ObjectNode) trigger.get("payload")).put("extra", "x");
        assertThat(schemas.problems(JsonSchemas.WEBHOOK_TRIGGER, trigger)).isNotEmpty();
    }

    @Test
    void hookSchemaAcceptsTriggerWhenUpToOne() {
        ObjectNode hook = Json.mapper().valueToTree(Samples.hook());
        hook.put("trigger_when", 2);
        assertThat(schemas.problems(JsonSchemas.OUTGOING_WEBHOOK, hook)).isNotEmpty();
        hook.put("trigger_when", -1);
        assertThat(schemas.problems(JsonSchemas.OUTGOING_WEBHOOK, hook)).as("negative matches no word").isEmpty();
    }

    @Test
    void unknownSchemaNameIsAClearError() {
        assertThatThrownBy(() -> schemas.problems("nope", Json.mapper().createObjectNode()))
                .hasMessageContaining("nope").hasMessageContaining(JsonSchemas.POST_COMMAND);
    }
}
