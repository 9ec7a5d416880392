package io.hookline.cli.hooks;

import io.hookline.cli.CliFailure;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.config.HooklineConfig;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/** The {@code webhook-configs} topic as the hooks commands use it: read the table, write one hook keyed by its id. */
public final class HookStore {

    private final KafkaClients clients;
    private final Topic<String, OutgoingWebhook> topic;

    private HookStore(KafkaClients clients, Topic<String, OutgoingWebhook> topic) {
        this.clients = clients;
        this.topic = topic;
    }

    /** The store of {@code config}, its topics created first when missing. */
    public static HookStore open(HooklineConfig config) {
        TopicSetup.ensure(config);
        return new HookStore(new KafkaClients(config), Topics.from(config).webhookConfigs());
    }

    public String topicName() {
        return topic.name();
    }

    public HookTable read() {
        return new ConfigTableReader(clients, topic).read();
    }

    /** The live hook {@code id}, or a failure naming it. */
    public OutgoingWebhook live(String id) {
        OutgoingWebhook hook = read().live().get(id);
        if (hook == null) {
            throw new CliFailure("no live hook with id '" + id + "' on " + topic.name());
        }
        return hook;
    }

    /** Writes {@code hook} keyed by its id and waits until the broker has it. */
    public void write(OutgoingWebhook hook) {
        try (KafkaProducer<String, OutgoingWebhook> producer =
                     clients.producer(topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), hook.id(), hook)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw Unreachable.describe(clients.bootstrapServers(), (Exception) e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing hook " + hook.id(), e);
        }
    }
}
