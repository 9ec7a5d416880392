package io.hookline.cli.console.playground;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.console.ApiException;
import io.hookline.cli.console.ApiRequest;
import io.hookline.cli.console.ApiResponse;
import io.hookline.cli.console.ConsoleApi;
import io.hookline.cli.console.Routes;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.post.PostEvents;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The playground's API: a minimal chat server speaking Hookline's public contract. It publishes people's posts on
 * {@code posts} and their clicks, menu choices and dialog submissions on {@code interactions} (key: the channel id),
 * and streams each channel view what {@code post-commands} makes of them.
 *
 * <ul>
 *   <li>{@code GET /api/playground/stream?channel_id=&user_id=}: {@code snapshot} ({@code posts}), then {@code post},
 *       {@code action_result}, {@code open_dialog}, {@code dialog_result}, {@code lookup_result}</li>
 *   <li>{@code GET /api/playground/directory}: the users and channels seen in posts; {@code POST
 *       /api/playground/seat}: checks the user and channel a page has chosen</li>
 *   <li>{@code POST /api/playground/posts}: a post; {@code POST /api/playground/actions}: a click or menu choice</li>
 *   <li>{@code POST /api/playground/dialogs/{id}/submit|cancel|refresh|lookup}</li>
 * </ul>
 */
public final class PlaygroundApi implements ConsoleApi {

    private final PlaygroundFeed feed;
    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final PostEvents postEvents = PostEvents.standard();

    public PlaygroundApi(HooklineConfig config) {
        KafkaClients clients = new KafkaClients(config);
        this.topics = TopicSettings.topics(config);
        this.producer = clients.producer(new StringSerializer(), new ByteArraySerializer());
        this.feed = new PlaygroundFeed(clients, topics);
    }

    @Override
    public void register(Routes routes) {
        routes.stream("/api/playground/stream", (request, sink) -> {
            String channel = required(request, "channel_id");
            String user = required(request, "user_id");
            feed.open(channel, user, sink);
        });
        routes.get("/api/playground/directory", request -> ApiResponse.ok(feed.withModel(ChannelModel::directory)));
        // the page checks a seat before it opens a view: a stream cannot answer 400 once it has started
        routes.post("/api/playground/seat", request -> {
            PlaygroundRequests.Seat seat = PlaygroundRequests.seat(request.json());
            return ApiResponse.ok(Map.of("user_id", seat.user().id(), "channel_id", seat.channel().id()));
        });
        routes.post("/api/playground/posts", request -> {
            PostEvent event = PlaygroundRequests.post(request.json(), postEvents);
            publish(topics.posts(), event.post().channelId(), event);
            return ApiResponse.created(Map.of("id", event.post().id()));
        });
        routes.post("/api/playground/actions", request -> {
            JsonNode body = request.json();
            InteractionEvent event = feed.withModel(m -> PlaygroundRequests.click(Ids.newId(), body, m));
            publish(topics.interactions(), event.channel().id(), event);
            return ApiResponse.accepted(Map.of("interaction_id", event.id()));
        });
        routes.post("/api/playground/dialogs/{id}/submit", request -> dialog(request, false));
        routes.post("/api/playground/dialogs/{id}/cancel", request -> dialog(request, true));
        routes.post("/api/playground/dialogs/{id}/refresh", request -> {
            JsonNode body = request.json();
            ChannelModel.DialogSession d = session(request, body);
            InteractionEvent event = PlaygroundRequests.refresh(Ids.newId(), d, body);
            feed.withModel(m -> {
                m.submitted(event.id(), d.id());
                return null;
            });
            publish(topics.interactions(), event.channel().id(), event);
            return ApiResponse.accepted(Map.of("interaction_id", event.id()));
        });
        routes.post("/api/playground/dialogs/{id}/lookup", request -> {
            JsonNode body = request.json();
            InteractionEvent event = PlaygroundRequests.lookup(Ids.newId(), session(request, body), body);
            publish(topics.interactions(), event.channel().id(), event);
            return ApiResponse.accepted(Map.of("interaction_id", event.id()));
        });
    }

    private ApiResponse dialog(ApiRequest request, boolean cancel) {
        JsonNode body = request.json();
        if (cancel) {
            body = body.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("cancelled", true);
        } else if (body.path("cancelled").asBoolean(false)) {
            throw ApiException.badRequest("cancelled", "a cancel goes to .../cancel");
        }
        ChannelModel.DialogSession d = session(request, body);
        InteractionEvent event = PlaygroundRequests.submission(Ids.newId(), d, body);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (event == null) {
            // Mattermost's client tells the integration about a cancel only when it asked (notify_on_cancel)
            answer.put("interaction_id", null);
            answer.put("published", false);
            return ApiResponse.ok(answer);
        }
        feed.withModel(m -> {
            m.submitted(event.id(), d.id());
            return null;
        });
        publish(topics.interactions(), event.channel().id(), event);
        answer.put("interaction_id", event.id());
        answer.put("published", true);
        return ApiResponse.accepted(answer);
    }

    private ChannelModel.DialogSession session(ApiRequest request, JsonNode body) {
        String id = request.pathParam("id");
        String user = PlaygroundRequests.seat(body).user().id();
        return feed.withModel(m -> m.dialog(id, user)).orElseThrow(() -> ApiException.notFound(
                "no dialog " + id + " open for user " + user));
    }

    private static String required(ApiRequest request, String name) {
        String value = request.queryParam(name);
        if (value == null || !Ids.isValid(value)) {
            throw ApiException.badRequest(name, name + ": must be " + Ids.RULE + " (a Mattermost id), got '"
                    + (value == null ? "" : value) + "'");
        }
        return value;
    }

    /** Writes {@code value} and waits for the broker to have it, so that a 2xx means published. */
    private <V> void publish(Topic<String, V> topic, String key, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, bytes)).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ApiException(503, "could not publish to " + topic.name() + ": " + cause, null, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while publishing to " + topic.name(), null, List.of());
        }
    }

    @Override
    public void close() {
        feed.close();
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
