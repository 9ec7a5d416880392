package io.hookline.ingestor;

import io.hookline.ingestor.stream.ResponseStream;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.secrets.IntegrationSecretStore;
import io.hookline.runtime.streams.StreamsApp;
import io.hookline.runtime.streams.StreamsRunner;
import io.hookline.runtime.streams.StreamsStage;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * The response ingestor as a running service: a Kafka Streams application {@code <prefix>-ingestor} with
 * {@code exactly_once_v2} by default. It does not create topics; they must exist.
 */
public final class IngestorService extends StreamsStage {

    public static final StreamsApp APP = StreamsApp.main(ResponseStream.STAGE);
    /**
     * How long {@link #close()} waits for the stream thread. Stopped during its first rebalance, the thread may sit in
     * a blocking call of its exactly-once producer ({@code initTransactions} or a commit, each up to
     * {@code max.block.ms}, 60 s) or in restoring the dedup store: bounded well below the 15 s the CLI gives a service
     * to stop instead. What is not committed by then is aborted and redone (EOS).
     */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long starting waits for the integration secrets ({@code integration-secrets}, read to its end, written on
     * the cluster's first start): without them no cookie can be sealed, so the stage does not start.
     */
    static final Duration SECRETS_TIMEOUT = Duration.ofSeconds(60);

    public IngestorService(HooklineConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    /**
     * @param registry where the Streams client's metrics and {@code hookline.ingestor.post.commands},
     *                 {@code hookline.dead.letters{service=ingestor}} go
     */
    public IngestorService(HooklineConfig config, MeterRegistry registry) {
        super(runner(config, registry));
    }

    private static StreamsRunner runner(HooklineConfig config, MeterRegistry registry) {
        Objects.requireNonNull(config, "config");
        Topics topics = TopicSettings.topics(config);
        StreamsRunner runner = new StreamsRunner(APP.stage(), config, registry, CLOSE_TIMEOUT)
                // the topology is built at start, so the secrets are loaded then, before the stream runs
                .add(APP, builder -> IngestorTopology.build(builder, config, topics,
                        IntegrationSecretStore.load(config, topics, SECRETS_TIMEOUT)));
        runner.countRecordsTo("hookline.ingestor.post.commands", "post commands the ingestor wrote to post-commands",
                topics.postCommands().name());
        return runner;
    }
}
