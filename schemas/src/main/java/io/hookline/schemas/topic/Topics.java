package io.hookline.schemas.topic;

import io.hookline.config.ConfigKey;
import io.hookline.config.HooklineConfig;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed registry of Hookline's topics, with the names taken from configuration.
 *
 * @param webhookRetries the dispatcher's own topic of deliveries waiting for their next attempt (not public contract)
 */
public record Topics(
        Topic<String, PostEvent> posts,
        Topic<String, OutgoingWebhook> webhookConfigs,
        Topic<String, WebhookTrigger> webhookTriggers,
        Topic<String, DeliveryOutcome> webhookResponses,
        Topic<String, PostCommand> postCommands,
        Topic<byte[], byte[]> deadLetters,
        Topic<String, ScheduledRetry> webhookRetries) {

    public static final ConfigKey POSTS = topicKey("posts");
    public static final ConfigKey WEBHOOK_CONFIGS = topicKey("webhook-configs");
    public static final ConfigKey WEBHOOK_TRIGGERS = topicKey("webhook-triggers");
    public static final ConfigKey WEBHOOK_RESPONSES = topicKey("webhook-responses");
    public static final ConfigKey POST_COMMANDS = topicKey("post-commands");
    public static final ConfigKey DEAD_LETTERS = topicKey("dead-letters");
    public static final ConfigKey WEBHOOK_RETRIES = topicKey("webhook-retries");

    public static final List<ConfigKey> KEYS = List.of(POSTS, WEBHOOK_CONFIGS, WEBHOOK_TRIGGERS, WEBHOOK_RESPONSES,
            POST_COMMANDS, DEAD_LETTERS, WEBHOOK_RETRIES);

    /** The topics with the names {@code config} gives them. */
    public static Topics from(HooklineConfig config) {
        return new Topics(
                new Topic<>("posts", config.get(POSTS), Serdes.String(), JsonSerde.of(PostEvent.class), false),
                new Topic<>("webhook-configs", config.get(WEBHOOK_CONFIGS), Serdes.String(),
                        JsonSerde.of(OutgoingWebhook.class), true),
                new Topic<>("webhook-triggers", config.get(WEBHOOK_TRIGGERS), Serdes.String(),
                        JsonSerde.of(WebhookTrigger.class), false),
                new Topic<>("webhook-responses", config.get(WEBHOOK_RESPONSES), Serdes.String(),
                        JsonSerde.of(DeliveryOutcome.class), false),
                new Topic<>("post-commands", config.get(POST_COMMANDS), Serdes.String(),
                        JsonSerde.of(PostCommand.class), false),
                new Topic<>("dead-letters", config.get(DEAD_LETTERS), Serdes.ByteArray(), Serdes.ByteArray(), false),
                new Topic<>("webhook-retries", config.get(WEBHOOK_RETRIES), Serdes.String(),
                        JsonSerde.of(ScheduledRetry.class), false));
    }

    /** Every topic, in pipeline order. */
    public List<Topic<?, ?>> all() {
        return List.of(posts, webhookConfigs, webhookTriggers, webhookResponses, postCommands, deadLetters,
                webhookRetries);
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

    private static ConfigKey topicKey(String logicalName) {
        return ConfigKey.of("hookline.topic." + logicalName, logicalName, "name of the " + logicalName + " topic");
    }
}
