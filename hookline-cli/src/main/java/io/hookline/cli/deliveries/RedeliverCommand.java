package io.hookline.cli.deliveries;

import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.hooks.HookStore;
import io.hookline.cli.hooks.HookTable;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.Progress;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.runtime.config.Durations;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hookline deliveries redeliver}: sends failed deliveries again, as new triggers built from the failed
 * delivery's post and callback URL, once their cause is fixed; the dispatcher sends them, like any trigger, with the
 * hook's token and signing secrets as they are then.
 */
@Command(name = "redeliver", mixinStandardHelpOptions = true,
        description = {"Deliver failed deliveries again. Reads the failed outcomes on the delivery log",
                "(webhook-responses) and publishes one new trigger per failure to webhook-triggers, with the",
                "failed delivery's post and callback URL; the dispatcher sends it with the hook's token and signing",
                "secrets as they are then. Select",
                "failures by DELIVERY_ID, --hook and --since (together they narrow), or --all-failed. The new",
                "delivery id follows from the failure (the same failure always gives the same id, so running this",
                "twice posts a response at most once); a failure whose redelivery already succeeded is left alone,",
                "one whose redelivery failed is redelivered from that newer failure. A failure whose hook is no",
                "longer live, or no longer has its callback URL, is skipped with the reason.",
                "Prints FAILED_ID REDELIVERY_ID TOPIC:PARTITION:OFFSET per redelivery on stdout; notes and",
                "progress on stderr. Exit code 1 when a selected failure was skipped."},
        footer = {"", "Examples:", "  hookline deliveries redeliver --hook 8ki1sq3t6jdt3r9ejzqwbp7n5e --since 24h",
                "  hookline deliveries redeliver --all-failed --since 2026-11-28T09:00:00Z",
                "  hookline deliveries redeliver 3q8fzkk1x7dmxb5ht4z8aktkpa"})
public final class RedeliverCommand extends HooklineSubcommand {

    /** A new trigger for the failed delivery {@code failedId}. */
    private record Redelivery(String failedId, WebhookTrigger trigger) {
    }

    @Parameters(paramLabel = "DELIVERY_ID", arity = "0..*",
            description = "Failed deliveries to redeliver (the delivery_id of their outcome).")
    List<String> deliveryIds = new ArrayList<>();

    @Option(names = "--hook", paramLabel = "ID", description = "Only failed deliveries of this hook.")
    String hookId;

    @Option(names = "--since", paramLabel = "WHEN", description = "Only deliveries that failed at or after WHEN: "
            + "an ISO-8601 instant (2026-11-28T09:00:00Z) or a time ago (30m, 24h, 7d).")
    String since;

    @Option(names = "--all-failed", description = "Every failed delivery (no other selection needed).")
    boolean allFailed;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        Selection selection = selection(clock);
        HooklineConfig config = clientConfig();
        Topics topics = TopicSettings.topics(config);
        HookStore hooks = HookStore.open(config, err());
        KafkaClients clients = new KafkaClients(config);
        FailedDeliveries log = read(clients, topics.webhookResponses());

        long now = clock.millis();
        HookTable table = null; // read once, and only when a failure is to be redelivered
        Map<String, String> notLive = new HashMap<>();
        List<Redelivery> redeliveries = new ArrayList<>();
        int planned = 0;
        int skipped = 0;
        for (FailedDeliveries.Plan plan : log.plan(selection)) {
            planned++;
            if (plan instanceof FailedDeliveries.AlreadyRedelivered done) {
                err().println("delivery " + done.deliveryId() + " was already redelivered as " + done.redeliveryId()
                        + ", which succeeded");
            } else if (plan instanceof FailedDeliveries.Unredeliverable no) {
                err().println("skipped delivery " + no.deliveryId() + ": " + no.why());
                skipped++;
            } else if (plan instanceof FailedDeliveries.Redeliver r) {
                String failedId = r.failed().deliveryId();
                String hookOf = r.failed().trigger() == null ? "" : r.failed().trigger().hookId();
                if (table == null) {
                    table = hooks.read();
                }
                OutgoingWebhook hook = liveHook(hooks, table, hookOf, notLive);
                if (hook == null) {
                    err().println("skipped delivery " + failedId + ": hook " + hookOf + " is not live: "
                            + notLive.get(hookOf));
                    skipped++;
                    continue;
                }
                try {
                    redeliveries.add(new Redelivery(failedId,
                            RedeliveryTrigger.of(r.failed(), r.redeliveryId(), hook, now)));
                } catch (IllegalArgumentException e) {
                    err().println("skipped delivery " + failedId + ": " + e.getMessage());
                    skipped++;
                }
            }
        }
        if (!redeliveries.isEmpty()) {
            publish(clients, topics.webhookTriggers(), redeliveries);
        }
        err().println("redelivered " + redeliveries.size() + " of " + planned + " selected failed deliveries"
                + (skipped == 0 ? "" : "; " + skipped + " skipped"));
        return skipped == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The selection the options make; asking for nothing is an error, so a bare command never redelivers all. */
    Selection selection(Clock clock) {
        if (allFailed && !deliveryIds.isEmpty()) {
            throw new CliFailure("--all-failed selects every failure: give it without DELIVERY_IDs");
        }
        if (!allFailed && deliveryIds.isEmpty() && hookId == null && since == null) {
            throw new CliFailure("say which failed deliveries to redeliver: DELIVERY_ID..., --hook ID, --since WHEN, "
                    + "or --all-failed");
        }
        return new Selection(deliveryIds, hookId, since == null ? null : sinceMillis(since, clock));
    }

    /** {@code --since}: an ISO-8601 instant, or a duration before now in Hookline's one duration grammar. */
    static long sinceMillis(String value, Clock clock) {
        try {
            return clock.millis() - Durations.parse(value).toMillis();
        } catch (IllegalArgumentException notADuration) {
            try {
                return Instant.parse(value.trim()).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new CliFailure("--since must be an ISO-8601 instant like 2026-11-28T09:00:00Z or "
                        + Durations.FORM + " (that long ago); got '" + value + "'");
            }
        }
    }

    private FailedDeliveries read(KafkaClients clients, Topic<String, DeliveryOutcome> responses) {
        FailedDeliveries log = new FailedDeliveries();
        AtomicInteger unreadable = new AtomicInteger();
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), responses.name(), err())) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                try {
                    log.add(responses.valueSerde().deserializer().deserialize(r.topic(), r.value()));
                } catch (RuntimeException e) {
                    unreadable.incrementAndGet();
                }
            }, () -> true);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        if (unreadable.get() > 0) {
            err().println("note: " + unreadable.get() + " record(s) of " + responses.name() + " are not delivery "
                    + "outcomes and were passed over (the ingestor dead-letters them)");
        }
        return log;
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

    /** Publishes each new trigger keyed by its partition key and prints where it went. */
    private void publish(KafkaClients clients, Topic<String, WebhookTrigger> triggers,
                         List<Redelivery> redeliveries) {
        List<ProducerRecord<String, WebhookTrigger>> records = redeliveries.stream()
                .map(r -> new ProducerRecord<>(triggers.name(), r.trigger().partitionKey(), r.trigger())).toList();
        AtomicInteger acknowledged = new AtomicInteger();
        try (Progress progress = Progress.start(err(), () -> "redelivered " + Progress.ofTotal(acknowledged.get(),
                redeliveries.size()) + " failed deliveries")) {
            clients.send(triggers.keySerde().serializer(), triggers.valueSerde().serializer(), records, m -> {
                Redelivery r = redeliveries.get(acknowledged.getAndIncrement());
                out().println(r.failedId() + " " + r.trigger().deliveryId() + " " + m.topic() + ":" + m.partition()
                        + ":" + m.offset());
            }, "redeliveries");
        }
    }
}
