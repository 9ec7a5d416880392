package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hookline.ingestor.outcome.Handling;
import io.hookline.ingestor.outcome.OutcomeHandler;
import io.hookline.ingestor.post.PostOverrides;
import io.hookline.ingestor.post.ResponsePostBuilder;
import io.hookline.matcher.rule.PostEligibility;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.PostProps;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Loop prevention across the stages: every post the ingestor emits, whatever the callback answered, comes back from
 * the chat server (through a bridge, as JSON on {@code posts}) as a post the matcher's eligibility rule refuses, so a
 * hook never answers its own answers.
 */
class LoopPreventionProperties {

    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);
    private static final String HOOK = Ids.deterministic("loop-hook");

    @Property(tries = 300)
    void everyPostTheIngestorEmitsIsIneligibleForTheMatcher(@ForAll("outcomes") DeliveryOutcome outcome,
                                                            @ForAll boolean usernameOverride,
                                                            @ForAll boolean iconOverride) {
        List<PostCommand> commands = commands(outcome, new PostOverrides(usernameOverride, iconOverride));
        Statistics.collect(commands.isEmpty() ? "no post" : "posts");
        // a property that no answer reaches proves nothing: most generated outcomes must become posts
        Statistics.coverage(coverage -> coverage.check("posts").percentage(p -> p > 40));
        for (PostCommand command : commands) {
            PostEvent event = bridged(command);
            assertThat(PostEligibility.ineligibility(event)).as("the post of %s", command)
                    .hasValueSatisfying(reason -> assertThat(reason).contains(PostProps.FROM_WEBHOOK));
        }
    }

    @Example
    void aPlainAnswerIsRefusedForItsFlagAlone() {
        List<PostCommand> commands = commands(succeeded(Map.of("text", "pong", "props",
                Map.of(PostProps.FROM_WEBHOOK, "false"))), new PostOverrides(false, false));
        assertThat(commands).hasSize(1);
        PostEvent event = bridged(commands.get(0));
        assertThat(PostEligibility.ineligibility(event)).isPresent();
        // the same post without the flag would fire: the flag, nothing else, keeps the answer from triggering
        Map<String, Object> props = new HashMap<>(event.post().props());
        props.remove(PostProps.FROM_WEBHOOK);
        Post p = event.post();
        assertThat(PostEligibility.ineligibility(new PostEvent(new Post(p.id(), p.createAt(), p.updateAt(),
                p.editAt(), p.deleteAt(), p.userId(), p.channelId(), p.rootId(), p.message(), p.type(), props,
                p.fileIds()), event.channel(), event.team(), event.user()))).isEmpty();
    }

    private static List<PostCommand> commands(DeliveryOutcome outcome, PostOverrides overrides) {
        Handling handling = new OutcomeHandler(new ResponsePostBuilder(overrides), true).handle(outcome);
        return handling instanceof Handling.Publish publish ? publish.commands() : List.of();
    }

    /** The post a bridge publishes once the chat server created the command's post: public channel, fresh post. */
    private static PostEvent bridged(PostCommand command) {
        CommandPost p = command.post();
        long now = 1_764_150_100_000L;
        PostEvent event = new PostEvent(new Post(Ids.newId(), now, now, 0, 0, p.userId(), p.channelId(), p.rootId(),
                p.message(), p.type(), p.props(), List.of()),
                new Channel(p.channelId(), "town-square", "Town Square", Channel.OPEN, TownSquare.TEAM),
                new Team(TownSquare.TEAM, "engineering", "Engineering"), new User(p.userId(), "pongbot"));
        return POSTS.fromBytes(POSTS.toBytes(event));
    }

    @Provide
    Arbitrary<DeliveryOutcome> outcomes() {
        // what a callback may try to put in the flag: any of it must be overwritten
        Arbitrary<Object> flag = Arbitraries.of("true", "false", "", "TRUE", "0", Boolean.FALSE, Boolean.TRUE, 1);
        Arbitrary<Map<String, Object>> props = Arbitraries.maps(
                Arbitraries.of(PostProps.FROM_WEBHOOK, "From_Webhook", "card", "override_username", "attachments"),
                flag).ofMaxSize(3);
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40),
                Arbitraries.just("x".repeat(16_383 * 2 + 5)));
        Arbitrary<Map<String, Object>> response = Combinators.combine(text.injectNull(0.2), props,
                Arbitraries.of("", "slack_attachment", "custom_poll", "system_join_channel", "me"),
                Arbitraries.of("", "comment", "post"),
                Arbitraries.of(List.of(), List.of(Map.of("text", "attached", "title", "t"))),
                Arbitraries.of("", "impostor"))
                .as((t, pr, type, responseType, attachments, username) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    if (t != null) {
                        body.put("text", t);
                    }
                    body.put("props", pr);
                    body.put("type", type);
                    body.put("response_type", responseType);
                    body.put("attachments", attachments);
                    body.put("username", username);
                    return body;
                });
        return Arbitraries.oneOf(response.map(LoopPreventionProperties::succeeded),
                Arbitraries.of(503, 404).map(LoopPreventionProperties::failed));
    }

    private static DeliveryOutcome succeeded(Map<String, Object> body) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        WebhookTrigger t = trigger();
        return new DeliveryOutcome(t.deliveryId(), t, DeliveryOutcome.SUCCEEDED, 200, json, ContentTypes.JSON, null,
                List.of(new DeliveryAttempt(1, 1_764_150_000_200L, 12, 200, null, json)), 1_764_150_000_212L);
    }

    private static DeliveryOutcome failed(int status) {
        WebhookTrigger t = trigger();
        return new DeliveryOutcome(t.deliveryId(), t, DeliveryOutcome.FAILED, status, null, null, "HTTP " + status,
                List.of(new DeliveryAttempt(1, 1_764_150_000_200L, 5, status, "HTTP " + status, null)),
                1_764_150_009_000L);
    }

    private static WebhookTrigger trigger() {
        String postId = Ids.deterministic("loop-post");
        String url = "https://example.invalid/hook";
        WebhookPayload payload = new WebhookPayload("", TownSquare.TEAM, "engineering", TownSquare.CHANNEL,
                "town-square", 1_764_150_000_000L, TownSquare.ALICE, "alice", postId, "ping", "ping", "");
        return new WebhookTrigger(WebhookTrigger.deliveryIdOf(postId, HOOK, url), HOOK, url, ContentTypes.JSON,
                "Pong Bot", TownSquare.BOT, "pongbot", "https://example.invalid/i.png", "", payload,
                1_764_150_000_100L);
    }
}
