package io.hookline.matcher;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.streams.StreamsApp;
import io.hookline.runtime.streams.StreamsRunner;
import io.hookline.runtime.streams.StreamsStage;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher stage: runs {@link MatcherTopology} (application {@code <prefix>-matcher}) and
 * {@link ConfigAuditTopology} (application {@code <prefix>-matcher-config-audit}). It expects its topics to exist
 * (the CLI provisions them). {@link #start()} returns once the hook table is fully restored, so no post is matched
 * against a partial table.
 */
public final class MatcherService extends StreamsStage {

    private static final String STAGE = "matcher";

    /**
     * The matcher proper. An error in the hook table's processor stops it: that processor never throws on input
     * ({@code HookChanges} turns every record into a decision), so an error there is a bug, and skipping the record
     * would silently lose a hook change. Its posts may be gathered into fuller fetches
     * ({@link MatcherSettings#POST_FETCH_WAIT}).
     */
    public static final StreamsApp MATCHER_APP = StreamsApp.main(STAGE)
            .failingFastIn(MatcherTopology.HOOK_TABLE_UPDATER)
            .gatheringInputFor(MatcherSettings.POST_FETCH_WAIT);
    /** Dead-letters the config records the hook table rejects. */
    public static final StreamsApp CONFIG_AUDIT_APP = StreamsApp.secondary(STAGE, "config-audit");

    private static final Logger LOG = LoggerFactory.getLogger(MatcherService.class);
    /**
     * Per Streams client; both clients close one after the other, together well inside the 15 s the CLI gives a
     * service to stop.
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(6);

    private final Topics topics;

    public MatcherService(HooklineConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    /**
     * @param registry where the Streams clients' metrics and {@code hookline.matcher.triggers},
     *                 {@code hookline.dead.letters{service=matcher}} go
     */
    public MatcherService(HooklineConfig config, MeterRegistry registry) {
        super(runner(config, registry));
        this.topics = TopicSettings.topics(config);
    }

    private static StreamsRunner runner(HooklineConfig config, MeterRegistry registry) {
        Objects.requireNonNull(config, "config");
        Topics topics = TopicSettings.topics(config);
        // fail at construction, naming the key, rather than inside a stream thread
        config.getBoolean(MatcherSettings.ENABLE_OUTGOING_WEBHOOKS);
        // the matcher first: its start returns only once the global hook table is restored
        StreamsRunner runner = new StreamsRunner(STAGE, config, registry, CLOSE_TIMEOUT)
                .add(MATCHER_APP, builder -> MatcherTopology.build(builder, config, topics))
                .add(CONFIG_AUDIT_APP, builder -> ConfigAuditTopology.build(builder, config, topics));
        config.require(Settings.BOOTSTRAP_SERVERS);
        runner.countRecordsTo("hookline.matcher.triggers", "triggers the matcher wrote to webhook-triggers",
                topics.webhookTriggers().name());
        return runner;
    }

    /** Returns once the hook table is fully restored. */
    @Override
    public void start() {
        super.start();
        LOG.info("matcher started: {} -> {}, hook table from {}", topics.posts().name(),
                topics.webhookTriggers().name(), topics.webhookConfigs().name());
    }
}
