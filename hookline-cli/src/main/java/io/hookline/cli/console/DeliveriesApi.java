package io.hookline.cli.console;

import io.hookline.cli.deliveries.Redeliveries;
import io.hookline.cli.deliveries.Selection;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.topic.Topics;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Deliveries page's API: the delivery log ({@link DeliveryRows}) with filters, one delivery's whole story from the
 * post to the commands its answer became, and redelivery through the CLI's own {@link Redeliveries}.
 */
final class DeliveriesApi implements ConsoleApi {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 2000;
    private static final Set<String> STATUSES = Set.of(DeliveryRows.SUCCEEDED, DeliveryRows.FAILED,
            DeliveryRows.PENDING, DeliveryRows.RETRYING);

    private final HooklineConfig config;
    private final KafkaClients clients;
    private final Topics topics;

    DeliveriesApi(HooklineConfig config) {
        this.config = config;
        this.clients = new KafkaClients(config);
        this.topics = TopicSettings.topics(config);
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

    /** One delivery from its post to the commands its answer became, and its redeliveries. */
    private Map<String, Object> story(String id) {
        DeliveryRows log = read();
        DeliveryRows.Row row = log.row(id);
        if (row == null) {
            throw ApiException.notFound("no delivery " + id + " in the delivery log (" + topics.webhookResponses()
                    .name() + ", " + topics.webhookTriggers().name() + ")");
        }
        List<DeliveryRows.Row> chain = new ArrayList<>();
        for (String next = row.redeliveredAs(); next != null; ) {
            DeliveryRows.Row r = log.row(next);
            if (r == null || chain.contains(r)) {
                break;
            }
            chain.add(r);
            next = r.redeliveredAs();
        }
        Set<String> ids = new java.util.HashSet<>();
        ids.add(id);
        chain.forEach(r -> ids.add(r.deliveryId()));
        List<PostCommand> commands = new ArrayList<>();
        TopicScan.scan(clients, topics.postCommands(), (record, command) -> {
            if (command.origin() != null && ids.contains(command.origin().deliveryId())) {
                commands.add(command);
            }
        });
        PostEvent[] post = {null};
        if (row.postId() != null && !row.postId().isEmpty()) {
            TopicScan.scan(clients, topics.posts(), (record, event) -> {
                if (event.post() != null && row.postId().equals(event.post().id())) {
                    post[0] = event;
                }
            });
        }
        Map<String, Object> story = new LinkedHashMap<>();
        story.put("delivery", row);
        story.put("post", post[0]);
        story.put("trigger", log.triggerOf(id));
        story.put("outcome", log.outcomeOf(id));
        story.put("redelivery_of", row.redeliveryOf() == null ? null : log.row(row.redeliveryOf()));
        story.put("redeliveries", chain);
        story.put("commands", commands);
        story.put("retry_delays", config.require(DispatcherSettings.RETRY_DELAYS));
        return story;
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

    private DeliveryRows read() {
        DeliveryRows rows = new DeliveryRows();
        TopicScan.scan(clients, topics.webhookTriggers(), (record, trigger) -> rows.trigger(trigger));
        TopicScan.scan(clients, topics.webhookRetries(), (record, retry) -> rows.retry(retry));
        TopicScan.scan(clients, topics.webhookResponses(), (record, outcome) -> rows.outcome(outcome));
        return rows;
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
