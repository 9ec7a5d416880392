package io.hookline.cli.hooks;

import io.hookline.runtime.topic.TopicSettings;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;

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

    /** The live hook {@code id}, or a failure naming it (and, when it is rejected, why). */
    public OutgoingWebhook live(String id) {
        return liveIn(read(), id);
    }

    /**
     * The live hook {@code id} of {@code table}, read once by a caller that looks up many hooks, or a failure naming
     * it (and, when it is rejected, why).
     */
    public OutgoingWebhook liveIn(HookTable table, String id) {
        if (table.state(id).orElse(null) instanceof HookState.Live live) {
            return live.hook();
        }
        throw missing(table, id);
    }

    /** The state of hook {@code id}, live or rejected, or a failure naming it when it is missing or deleted. */
    public HookState state(String id) {
        HookTable table = read();
        return table.state(id).orElseThrow(() -> missing(table, id));
    }

    /**
     * Writes a new hook: valid, and in conflict with no live hook, or nothing is written.
     *
     * @throws HookFailure naming every broken rule, or the conflicting hook
     */
    public void create(OutgoingWebhook hook) {
        HookRules.requireValid(hook);
        HookRules.requireNoConflict(hook, read());
        write(hook.id(), hook);
    }

    /**
     * The one read-modify-write of every command that changes a hook ({@code update}, {@code regen-token},
     * {@code rotate-secret}): reads the table, applies {@code change} to hook {@code id}, checks the result like
     * {@link #create}, writes it and returns it. A rejected hook can be changed too when its record parsed (the
     * change must then make it valid: that is how an admin repairs it); nothing is written when the hook is missing
     * or the result breaks a rule. Two admins changing one hook at once: the later write wins, as with Mattermost's
     * own {@code PUT}.
     *
     * @throws HookFailure when there is no such hook, or naming every broken rule or the conflicting hook
     */
    public OutgoingWebhook update(String id, UnaryOperator<OutgoingWebhook> change) {
        HookTable table = read();
        OutgoingWebhook changed = change.apply(changeable(table, id));
        HookRules.requireValid(changed);
        if (!changed.isDeleted()) {
            HookRules.requireNoConflict(changed, table);
        }
        write(id, changed);
        return changed;
    }

    /**
     * Deletes hook {@code id}, live or rejected: Mattermost's soft delete ({@code softDelete} of its record) when
     * there is a record to keep, else, for a rejected record that is not a hook of this id, a tombstone, so that an
     * admin can always clean up.
     *
     * @return the soft-deleted record; empty when a tombstone was written
     * @throws HookFailure when there is no such hook
     */
    public Optional<OutgoingWebhook> delete(String id, UnaryOperator<OutgoingWebhook> softDelete) {
        HookTable table = read();
        HookState state = table.state(id).orElseThrow(() -> missing(table, id));
        Optional<OutgoingWebhook> record = state instanceof HookState.Live live ? Optional.of(live.hook())
                : ((HookState.Rejected) state).parsed();
        // a soft delete is a deletion whatever the other fields say (HookLiveness), so it is not validated
        Optional<OutgoingWebhook> deleted = record.map(softDelete);
        write(id, deleted.orElse(null));
        return deleted;
    }

    private OutgoingWebhook changeable(HookTable table, String id) {
        HookState state = table.state(id).orElseThrow(() -> missing(table, id));
        if (state instanceof HookState.Live live) {
            return live.hook();
        }
        HookState.Rejected rejected = (HookState.Rejected) state;
        return rejected.parsed().orElseThrow(() -> new HookFailure(HookFailure.Kind.NOT_CHANGEABLE, "hook '" + id
                + "' is rejected and its record is not a hook that can be changed (" + rejected.reason()
                + "); `hookline hooks delete " + id + "` removes it", List.of()));
    }

    private HookFailure missing(HookTable table, String id) {
        if (table.state(id).orElse(null) instanceof HookState.Rejected rejected) {
            return new HookFailure(HookFailure.Kind.NOT_FOUND, "no live hook with id '" + id + "' on "
                    + topic.name() + ": it is rejected (" + rejected.reason() + "); repair it with `hookline hooks "
                    + "update`, or `hookline hooks delete` it", List.of());
        }
        return new HookFailure(HookFailure.Kind.NOT_FOUND, "no live hook with id '" + id + "' on " + topic.name()
                + " (`hookline hooks list` shows the live ones)", List.of());
    }

    /** Writes {@code hook} (null: a tombstone) keyed by {@code id} and waits until the broker has it. */
    private void write(String id, OutgoingWebhook hook) {
        clients.send(topic.keySerde().serializer(), topic.valueSerde().serializer(),
                List.of(new ProducerRecord<>(topic.name(), id, hook)), written -> { }, "hook " + id);
    }
}
