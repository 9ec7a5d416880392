package io.hookline.ingestor;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.ingestor.stream.ResponseStream;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.schemas.topic.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The ingestor's topology: {@code webhook-responses} to {@code post-commands} and {@code dead-letters}, with a
 * changelogged store of handled delivery ids. Every processor, store and topic is named explicitly, so it runs with
 * {@code ensure.explicit.internal.resource.naming=true} and its names never change between versions.
 */
public final class IngestorTopology {

    private IngestorTopology() {
    }

    /** Adds the ingestor to {@code builder} and returns the built topology. Pure: no Kafka connection is made. */
    public static Topology build(StreamsBuilder builder, HooklineConfig config, Topics topics,
                                 IntegrationSecrets secrets) {
        ResponseStream.addTo(builder, config, topics, secrets);
        return builder.build();
    }
}
