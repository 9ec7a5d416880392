package io.hookline.ingestor.stream;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.ingestor.IngestorSettings;
import io.hookline.ingestor.outcome.OutcomeHandler;
import io.hookline.ingestor.post.EphemeralPosts;
import io.hookline.ingestor.post.PostOverrides;
import io.hookline.ingestor.post.ResponsePostBuilder;
import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.runtime.streams.ProcessingResult;
import io.hookline.runtime.streams.StreamsDeadLetters;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.topic.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** The stream wiring of the ingestor; the names here are part of its operational contract (store, changelog). */
public final class ResponseStream {

    /** The stage's name: of its Streams application and in its dead letters. */
    public static final String STAGE = "ingestor";
    public static final String SOURCE = "ingestor-read-webhook-responses";
    public static final String PROCESSOR = "ingestor-handle-outcome";
    public static final String DEDUP_STORE = DeliveryDedup.STORE;

    private ResponseStream() {
    }

    /**
     * @param secrets the cluster's integration secrets: the cookies of ephemeral posts' actions are sealed with them
     */
    public static void addTo(StreamsBuilder builder, HooklineConfig config, Topics topics,
                             IntegrationSecrets secrets) {
        boolean notices = config.getBoolean(IngestorSettings.FAILURE_NOTICES);
        int hours = config.getInt(IngestorSettings.DEDUP_RETENTION_HOURS);
        if (hours < 1) {
            throw new IllegalArgumentException(IngestorSettings.DEDUP_RETENTION_HOURS.name()
                    + " must be at least 1, got " + hours);
        }
        Duration retention = Duration.ofHours(hours);
        PostOverrides overrides = PostOverrides.from(config);
        EphemeralPosts ephemerals = new EphemeralPosts(new ActionCookies(secrets));

        builder.addStateStore(DeliveryDedup.storeBuilder(retention));
        KStream<byte[], byte[]> outcomes = builder.stream(topics.webhookResponses().name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(SOURCE));
        KStream<String, ProcessingResult<PostCommand>> results = outcomes.process(
                () -> new ResponseProcessor(new OutcomeHandler(new ResponsePostBuilder(overrides), notices,
                        ephemerals), retention, STAGE),
                Named.as(PROCESSOR), DEDUP_STORE);
        new StreamsDeadLetters(STAGE).divert(results, topics.deadLetters().name(), STAGE)
                .to(topics.postCommands().name(), Produced.with(topics.postCommands().keySerde(),
                        topics.postCommands().valueSerde()).withName("ingestor-write-post-commands"));
    }
}
