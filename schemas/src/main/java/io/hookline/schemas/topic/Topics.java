package io.hookline.schemas.topic;

import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed registry of Hookline's topics: logical name, actual name, serdes. Which actual names a deployment
 * uses is configuration ({@code TopicSettings} in the runtime module).
 *
 * @param webhookRetries     the dispatcher's own topic of deliveries waiting for their next attempt (not public contract)
 * @param interactions       clicks, dialog submissions and lookups, written by the chat server
 * @param integrationSecrets Hookline's own compacted, single-partition topic of the trigger-id signing key and the
 *                           action-cookie secret, shared by every process (not public contract; restrict its ACLs)
 */
public record Topics(
        Topic<String, PostEvent> posts,
        Topic<String, OutgoingWebhook> webhookConfigs,
        Topic<String, WebhookTrigger> webhookTriggers,
        Topic<String, DeliveryOutcome> webhookResponses,
        Topic<String, PostCommand> postCommands,
        Topic<byte[], byte[]> deadLetters,
        Topic<String, ScheduledRetry> webhookRetries,
        Topic<String, InteractionEvent> interactions,
        Topic<String, byte[]> integrationSecrets) {

    /** The logical names, in pipeline order: what the contract calls each topic. */
    public static final List<String> LOGICAL_NAMES = List.of("posts", "webhook-configs", "webhook-triggers",
            "webhook-responses", "post-commands", "dead-letters", "webhook-retries", "interactions",
            "integration-secrets");

    /** The topics with their logical names as actual names. */
    public static Topics withDefaultNames() {
        return named(UnaryOperator.identity());
    }

    /** The topics with the actual name {@code nameOf} gives each logical name. */
    public static Topics named(UnaryOperator<String> nameOf) {
        return new Topics(
                new Topic<>("posts", nameOf.apply("posts"), Serdes.String(), JsonSerde.of(PostEvent.class), false),
                new Topic<>("webhook-configs", nameOf.apply("webhook-configs"), Serdes.String(),
                        JsonSerde.of(OutgoingWebhook.class), true),
                new Topic<>("webhook-triggers", nameOf.apply("webhook-triggers"), Serdes.String(),
                        JsonSerde.of(WebhookTrigger.class), false),
                new Topic<>("webhook-responses", nameOf.apply("webhook-responses"), Serdes.String(),
                        JsonSerde.of(DeliveryOutcome.class), false),
                new Topic<>("post-commands", nameOf.apply("post-commands"), Serdes.String(),
                        JsonSerde.of(PostCommand.class), false),
                new Topic<>("dead-letters", nameOf.apply("dead-letters"), Serdes.ByteArray(), Serdes.ByteArray(),
                        false),
                new Topic<>("webhook-retries", nameOf.apply("webhook-retries"), Serdes.String(),
                        JsonSerde.of(ScheduledRetry.class), false),
                new Topic<>("interactions", nameOf.apply("interactions"), Serdes.String(),
                        JsonSerde.of(InteractionEvent.class), false),
                // one partition: the first record of each secret wins, and only one log has a first record
                new Topic<>("integration-secrets", nameOf.apply("integration-secrets"), Serdes.String(),
                        Serdes.ByteArray(), true, 1));
    }

    /** Every topic, in pipeline order. */
    public List<Topic<?, ?>> all() {
        return List.of(posts, webhookConfigs, webhookTriggers, webhookResponses, postCommands, deadLetters,
                webhookRetries, interactions, integrationSecrets);
    }

    /** The topic whose actual or logical name is {@code name}, or null. */
    public Topic<?, ?> byName(String name) {
        for (Topic<?, ?> t : all()) {
            if (t.name().equals(name) || t.logicalName().equals(name)) {
                return t;
            }
        }
        return null;
    }

}
