package io.hookline.cli.deliveries;

import io.hookline.cli.CliFailure;
import io.hookline.cli.hooks.HookStore;
import io.hookline.cli.hooks.HookTable;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.Progress;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Redelivering failed deliveries, for {@code deliveries redeliver} and the console: reads the delivery log, plans
 * each selected failure ({@link FailedDeliveries}), builds a new trigger for each with its hook as it is now
 * ({@link RedeliveryTrigger}) and publishes them to {@code webhook-triggers}.
 */
public final class Redeliveries {

    /** A failure sent again as {@code redeliveryId}, published at {@code topic:partition:offset}. */
    public record Redelivered(String failedId, String redeliveryId, String topic, int partition, long offset) {
    }

    /** A failure not sent again, and why (one line, as the command prints it). */
    public record Skipped(String deliveryId, String why) {
    }

    /** A failure whose redelivery already succeeded as {@code redeliveryId}. */
    public record AlreadyRedelivered(String deliveryId, String redeliveryId) {
    }

    /**
     * What one run did, in the order of the selection.
     *
     * @param planned how many selected failures there were (after following each to the end of its chain)
     * @param notes   one line per failure not redelivered, in plan order: what the command prints on stderr
     */
    public record Report(int planned, List<Redelivered> redelivered, List<AlreadyRedelivered> alreadyRedelivered,
                         List<Skipped> skipped, List<String> notes) {
    }

    private final HooklineConfig config;

    public Redeliveries(HooklineConfig config) {
        this.config = config;
    }

    /**
     * Redelivers the failures {@code selection} picks.
     *
     * @param now           when the redeliveries are made (epoch milliseconds)
     * @param progressNotes where long reads and the publishing report their progress; null: nowhere
     * @param published     told of each redelivery as the broker acknowledges it
     */
    public Report redeliver(Selection selection, long now, PrintWriter progressNotes,
                            java.util.function.Consumer<Redelivered> published) {
        Topics topics = TopicSettings.topics(config);
        HookStore hooks = HookStore.open(config, progressNotes);
        KafkaClients clients = new KafkaClients(config);
        FailedDeliveries log = new FailedDeliveries();
        DeliveryLog.read(clients, topics.webhookResponses(), progressNotes).outcomes().forEach(log::add);

        HookTable table = null; // read once, and only when a failure is to be redelivered
        Map<String, String> notLive = new HashMap<>();
        List<String> failedIds = new ArrayList<>();
        List<WebhookTrigger> triggers = new ArrayList<>();
        List<AlreadyRedelivered> done = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int planned = 0;
        for (FailedDeliveries.Plan plan : log.plan(selection)) {
            planned++;
            if (plan instanceof FailedDeliveries.AlreadyRedelivered already) {
                done.add(new AlreadyRedelivered(already.deliveryId(), already.redeliveryId()));
                notes.add("delivery " + already.deliveryId() + " was already redelivered as "
                        + already.redeliveryId() + ", which succeeded");
            } else if (plan instanceof FailedDeliveries.Unredeliverable no) {
                skip(skipped, notes, no.deliveryId(), no.why());
            } else if (plan instanceof FailedDeliveries.Redeliver r) {
                String failedId = r.failed().deliveryId();
                String hookOf = r.failed().trigger() == null ? "" : r.failed().trigger().hookId();
                if (table == null) {
                    table = hooks.read();
                }
                OutgoingWebhook hook = liveHook(hooks, table, hookOf, notLive);
                if (hook == null) {
                    skip(skipped, notes, failedId, "hook " + hookOf + " is not live: " + notLive.get(hookOf));
                    continue;
                }
                try {
                    triggers.add(RedeliveryTrigger.of(r.failed(), r.redeliveryId(), hook, now));
                    failedIds.add(failedId);
                } catch (IllegalArgumentException e) {
                    skip(skipped, notes, failedId, e.getMessage());
                }
            }
        }
        List<Redelivered> redelivered = triggers.isEmpty() ? List.of()
                : publish(clients, topics.webhookTriggers(), failedIds, triggers, progressNotes, published);
        return new Report(planned, redelivered, done, skipped, notes);
    }

    private static void skip(List<Skipped> skipped, List<String> notes, String id, String why) {
        skipped.add(new Skipped(id, why));
        notes.add("skipped delivery " + id + ": " + why);
    }

    /** The live hook {@code id}; null with the reason in {@code notLive} when there is none. */
    private static OutgoingWebhook liveHook(HookStore hooks, HookTable table, String id,
                                            Map<String, String> notLive) {
        try {
            return hooks.liveIn(table, id);
        } catch (CliFailure e) {
            notLive.put(id, e.getMessage());
            return null;
        }
    }

    /** Publishes each new trigger keyed by its partition key. */
    private static List<Redelivered> publish(KafkaClients clients, Topic<String, WebhookTrigger> topic,
                                             List<String> failedIds, List<WebhookTrigger> triggers,
                                             PrintWriter progressNotes,
                                             java.util.function.Consumer<Redelivered> published) {
        List<ProducerRecord<String, WebhookTrigger>> records = triggers.stream()
                .map(t -> new ProducerRecord<>(topic.name(), t.partitionKey(), t)).toList();
        List<Redelivered> redelivered = new ArrayList<>();
        AtomicInteger acknowledged = new AtomicInteger();
        try (Progress progress = progressNotes == null ? null : Progress.start(progressNotes,
                () -> "redelivered " + Progress.ofTotal(acknowledged.get(), triggers.size())
                        + " failed deliveries")) {
            clients.send(topic.keySerde().serializer(), topic.valueSerde().serializer(), records, m -> {
                int i = acknowledged.getAndIncrement();
                Redelivered r = new Redelivered(failedIds.get(i), triggers.get(i).deliveryId(), m.topic(),
                        m.partition(), m.offset());
                redelivered.add(r);
                published.accept(r);
            }, "redeliveries");
        }
        return redelivered;
    }
}
