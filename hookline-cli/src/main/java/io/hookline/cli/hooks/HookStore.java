package io.hookline.cli.hooks;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.cli.CliFailure;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/** The {@code webhook-configs} topic as the hooks commands use it: read the table, write one hook keyed by its id. */
public final class HookStore {

    private final KafkaClients clients;
    private final Topic<String, OutgoingWebhook> topic;
    private final PrintWriter progressNotes;

    private HookStore(KafkaClients clients, Topic<String, OutgoingWebhook> topic, PrintWriter progressNotes) {
        this.clients = clients;
        this.topic = topic;
        this.progressNotes = progressNotes;
    }

    /**
     * The store of {@code config}, its topics created first when missing; reading the table reports its progress on
     * {@code progressNotes} (stderr) when it takes long.
     */
    public static HookStore open(HooklineConfig config, PrintWriter progressNotes) {
        TopicSetup.ensure(config);
        return new HookStore(new KafkaClients(config), TopicSettings.topics(config).webhookConfigs(), progressNotes);
    }

    public String topicName() {
        return topic.name();
    }

    public HookTable read() {
        return new ConfigTableReader(clients, topic, progressNotes).read();
    }

    /** The live hook {@code id}, or a failure naming it. */
    public OutgoingWebhook live(String id) {
        return liveIn(read(), id);
    }

    /**
     * Writes a new hook: valid, and in conflict with no live hook, or nothing is written.
     *
     * @throws CliFailure naming every broken rule, or the conflicting hook
     */
    public void create(OutgoingWebhook hook) {
        HookRules.requireValid(hook);
        HookRules.requireNoConflict(hook, read());
        write(hook);
    }

    /**
     * The one read-modify-write of every command that changes a hook ({@code update}, {@code delete},
     * {@code regen-token}, {@code rotate-secret}): reads the table, applies {@code change} to the live hook
     * {@code id}, checks the result like {@link #create}, writes it and returns it. Nothing is written when the hook
     * is missing or the result breaks a rule. Two admins changing one hook at once: the later write wins, as with
     * Mattermost's own {@code PUT}.
     *
     * @throws CliFailure when there is no live hook {@code id}, or naming every broken rule or the conflicting hook
     */
    public OutgoingWebhook update(String id, UnaryOperator<OutgoingWebhook> change) {
        HookTable table = read();
        OutgoingWebhook changed = change.apply(liveIn(table, id));
        HookRules.requireValid(changed);
        if (!changed.isDeleted()) {
            HookRules.requireNoConflict(changed, table);
        }
        write(changed);
        return changed;
    }

    private OutgoingWebhook liveIn(HookTable table, String id) {
        OutgoingWebhook hook = table.live().get(id);
        if (hook == null) {
            throw new CliFailure("no live hook with id '" + id + "' on " + topic.name()
                    + " (`hookline hooks list` shows the live ones)");
        }
        return hook;
    }

    /** Writes {@code hook} keyed by its id and waits until the broker has it. */
    private void write(OutgoingWebhook hook) {
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
