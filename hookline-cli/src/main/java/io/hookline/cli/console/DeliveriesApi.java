package io.hookline.cli.console;

import io.hookline.cli.deliveries.Redeliveries;
import io.hookline.cli.deliveries.Selection;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.hook.CallbackUrlCredentials;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Deliveries page's API: the delivery log ({@link DeliveryRows}) with filters, one delivery's whole story from the
 * post to the commands its answer became, and redelivery through the CLI's own {@link Redeliveries}.
 */
final class DeliveriesApi implements ConsoleApi {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 2000;
    private static final int READERS = 5;
    private static final Set<String> STATUSES = Set.of(DeliveryRows.SUCCEEDED, DeliveryRows.FAILED,
            DeliveryRows.PENDING, DeliveryRows.RETRYING);

    private final HooklineConfig config;
    private final KafkaClients clients;
    private final Topics topics;
    /** Reads the topics of one answer side by side: each read costs a consumer's start, not its records. */
    private final ExecutorService readers;

    DeliveriesApi(HooklineConfig config) {
        this.config = config;
        this.clients = new KafkaClients(config);
        this.topics = TopicSettings.topics(config);
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(READERS, r -> {
            Thread t = new Thread(r, "hookline-console-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }

    /** The body of a redelivery of several failures. */
    record RedeliverySelection(List<String> deliveryIds) {
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/deliveries", r -> ApiResponse.ok(list(r)));
        routes.get("/api/deliveries/{id}", r -> ApiResponse.ok(story(r.pathParam("id"))));
        routes.post("/api/deliveries/{id}/redeliver", r -> redeliverOne(r.pathParam("id")));
        routes.post("/api/deliveries/redeliver", r -> {
            List<String> ids = r.body(RedeliverySelection.class).deliveryIds();
            if (ids == null || ids.isEmpty()) {
                throw ApiException.badRequest("delivery_ids", "say which failed deliveries to redeliver");
            }
            return ApiResponse.ok(redeliver(ids));
        });
    }

    private Map<String, Object> list(ApiRequest r) {
        String status = r.queryParam("status");
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status", "status must be one of " + String.join(", ",
                    List.of(DeliveryRows.SUCCEEDED, DeliveryRows.FAILED, DeliveryRows.RETRYING,
                            DeliveryRows.PENDING)) + ", got '" + status + "'");
        }
        DeliveryRows.Filter filter = new DeliveryRows.Filter(r.queryParam("hook"), status, r.queryParam("post_id"),
                instant(r, "since"), instant(r, "until"), limit(r));
        List<DeliveryRows.Row> rows = read().rows(filter);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveries", rows);
        body.put("retry_delays", config.require(DispatcherSettings.RETRY_DELAYS));
        body.put("limit", filter.limit());
        return body;
    }

    /**
     * One delivery from its post to the commands its answer became, and its redeliveries: the log first, then only
     * the post and the commands it names (read side by side), so that a long posts topic is never held in memory, then
     * the log again for the delivery's state.
     */
    private Map<String, Object> story(String id) {
        DeliveryRows first = read();
        DeliveryRows.Row found = first.row(id);
        if (found == null) {
            throw ApiException.notFound("no delivery " + id + " in the delivery log (" + topics.webhookResponses()
                    .name() + ", " + topics.webhookTriggers().name() + ")");
        }
        Set<String> ids = new HashSet<>();
        ids.add(id);
        redeliveries(first, found).forEach(r -> ids.add(r.deliveryId()));
        List<PostCommand> answered = new ArrayList<>();
        PostEvent[] post = {null};
        Future<?> commandsRead = readers.submit(() -> TopicScan.scan(clients, topics.postCommands(),
                (record, command) -> {
                    if (command.origin() != null && ids.contains(command.origin().deliveryId())) {
                        answered.add(command);
                    }
                }));
        Future<?> postRead = found.postId() == null || found.postId().isEmpty() ? null
                : readers.submit(() -> TopicScan.scan(clients, topics.posts(), (record, event) -> {
                    if (event.post() != null && found.postId().equals(event.post().id())) {
                        post[0] = event;
                    }
                }));
        await(commandsRead);
        if (postRead != null) {
            await(postRead);
        }
        // the log again, now that the commands are read: a command comes after its outcome, so every command shown
        // has its outcome in this read (the first may predate both, and the story would show an answered delivery as
        // pending)
        DeliveryRows log = read();
        DeliveryRows.Row row = log.row(id);
        List<DeliveryRows.Row> chain = redeliveries(log, row);
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("delivery", row);
        story.put("post", post[0]);
        WebhookTrigger trigger = log.triggerOf(id);
        story.put("trigger", trigger == null ? null : trigger.redacted());
        story.put("outcome", shown(log.outcomeOf(id)));
        story.put("redelivery_of", row.redeliveryOf() == null ? null : log.row(row.redeliveryOf()));
        story.put("redeliveries", chain);
        story.put("commands", answered);
        story.put("retry_delays", config.require(DispatcherSettings.RETRY_DELAYS));
        return story;
    }

    /**
     * An outcome as the story shows it. An interaction's call is left out but for what it was and where it went: its
     * decoded action carries the integration's context, which may hold the integration's own secrets.
     */
    static Object shown(DeliveryOutcome outcome) {
        if (outcome == null || !outcome.isInteraction()) {
            return outcome == null ? null : new DeliveryOutcome(outcome.deliveryId(),
                    outcome.trigger() == null ? null : outcome.trigger().redacted(), outcome.status(),
                    outcome.httpStatus(), outcome.responseBody(), outcome.responseContentType(), outcome.error(),
                    outcome.attempts(), outcome.completedAt(), outcome.hookGone(), null);
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("delivery_id", outcome.deliveryId());
        shown.put("status", outcome.status());
        shown.put("http_status", outcome.httpStatus());
        shown.put("error", outcome.error());
        shown.put("response_body", outcome.responseBody());
        shown.put("attempts", outcome.attempts());
        shown.put("completed_at", outcome.completedAt());
        var event = outcome.interaction().event();
        if (event != null) {
            shown.put("interaction_type", event.type());
            shown.put("url", CallbackUrlCredentials.masked(event.url()));
        }
        return shown;
    }

    private ApiResponse redeliverOne(String id) {
        Redeliveries.Report report = new Redeliveries(config).redeliver(new Selection(List.of(id), null, null),
                System.currentTimeMillis(), null, r -> { });
        if (!report.redelivered().isEmpty()) {
            return ApiResponse.accepted(report);
        }
        if (!report.alreadyRedelivered().isEmpty()) {
            throw new ApiException(409, report.notes().get(0), null, List.of());
        }
        String why = report.skipped().isEmpty() ? "nothing to redeliver" : report.skipped().get(0).why();
        if (why.equals("the delivery log has no outcome of it")) {
            throw ApiException.notFound("delivery " + id + ": " + why);
        }
        throw new ApiException(409, "delivery " + id + " was not redelivered: " + why, null, List.of());
    }

    private Redeliveries.Report redeliver(List<String> ids) {
        return new Redeliveries(config).redeliver(new Selection(ids, null, null), System.currentTimeMillis(), null,
                r -> { });
    }

    /** The redeliveries of {@code row} in {@code log}, each of the one before, oldest first. */
    private static List<DeliveryRows.Row> redeliveries(DeliveryRows log, DeliveryRows.Row row) {
        List<DeliveryRows.Row> chain = new ArrayList<>();
        for (String next = row.redeliveredAs(); next != null; ) {
            DeliveryRows.Row r = log.row(next);
            if (r == null || chain.contains(r)) {
                break;
            }
            chain.add(r);
            next = r.redeliveredAs();
        }
        return chain;
    }

    /** The log from its three topics, read side by side and folded in one thread. */
    private DeliveryRows read() {
        List<WebhookTrigger> triggers = new ArrayList<>();
        List<ScheduledRetry> retries = new ArrayList<>();
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        Future<?> t = readers.submit(() -> TopicScan.scan(clients, topics.webhookTriggers(),
                (record, trigger) -> triggers.add(trigger)));
        Future<?> r = readers.submit(() -> TopicScan.scan(clients, topics.webhookRetries(),
                (record, retry) -> retries.add(retry)));
        Future<?> o = readers.submit(() -> TopicScan.scan(clients, topics.webhookResponses(),
                (record, outcome) -> outcomes.add(outcome)));
        await(t);
        await(r);
        await(o);
        DeliveryRows rows = new DeliveryRows();
        triggers.forEach(rows::trigger);
        retries.forEach(rows::retry);
        outcomes.forEach(rows::outcome);
        return rows;
    }

    /** Waits for a read; its failure (an unreachable broker) is this request's. */
    private static void await(Future<?> read) {
        try {
            read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the delivery log", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Long instant(ApiRequest r, String name) {
        String value = r.queryParam(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 instant like 2026-11-28T09:00:00Z, got '"
                    + value + "'");
        }
    }

    private static int limit(ApiRequest r) {
        String value = r.queryParam("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit", "limit must be 1 to " + MAX_LIMIT + ", got '" + value + "'");
    }
}
