package io.hookline.matcher;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.matcher.stream.DeadLetteringExceptionHandler;
import io.hookline.schemas.topic.Topics;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings of the matcher's two applications. */
public final class MatcherStreamsConfig {

    public static final String MATCHER_SUFFIX = "-matcher";
    public static final String CONFIG_AUDIT_SUFFIX = "-matcher-config-audit";

    private MatcherStreamsConfig() {
    }

    /** {@code <hookline.application-id-prefix>-matcher}. */
    public static String matcherApplicationId(HooklineConfig config) {
        return config.require(Settings.APPLICATION_ID_PREFIX) + MATCHER_SUFFIX;
    }

    /** {@code <hookline.application-id-prefix>-matcher-config-audit}. */
    public static String configAuditApplicationId(HooklineConfig config) {
        return config.require(Settings.APPLICATION_ID_PREFIX) + CONFIG_AUDIT_SUFFIX;
    }

    /** {@code hookline.processing-guarantee}: {@code exactly_once_v2} (default) or {@code at_least_once}. */
    public static String processingGuarantee(HooklineConfig config) {
        String value = config.require(Settings.PROCESSING_GUARANTEE).trim();
        if (!value.equals(StreamsConfig.EXACTLY_ONCE_V2) && !value.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new IllegalArgumentException(Settings.PROCESSING_GUARANTEE.name() + " must be "
                    + StreamsConfig.EXACTLY_ONCE_V2 + " or " + StreamsConfig.AT_LEAST_ONCE + ", got '" + value
                    + "' (from " + config.sourceOf(Settings.PROCESSING_GUARANTEE.name()) + ")");
        }
        return value;
    }

    /**
     * Kafka client settings from {@code config} (TLS, SASL, {@code state.dir}, thread counts ... pass through), then
     * the application id, {@code hookline.processing-guarantee} and explicit naming, which Hookline owns. The
     * processors dead-letter what they cannot process themselves, unexpected errors included; unless configured
     * otherwise, an exception that still escapes them sends its source record to {@code dead-letters} with the same
     * {@code hookline.dlq.*} headers ({@link DeadLetteringExceptionHandler}) and the stream goes on, while one in the
     * global hook table's processor stops the application.
     */
    public static Properties properties(HooklineConfig config, String applicationId) {
        Properties props = new Properties();
        props.putAll(config.kafkaProperties());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringExceptionHandler.class.getName());
        props.put(DeadLetteringExceptionHandler.DEAD_LETTERS_TOPIC_CONFIG, TopicSettings.topics(config).deadLetters().name());
        // The hook table's processor never throws on input (HookChanges catches everything), so an exception there
        // is a bug: fail rather than skip a hook change. The handler sees the global thread's errors too (KIP-1270,
        // always so from Kafka 5.0) and answers fail for that processor.
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetteringExceptionHandler.FAIL_FAST_PROCESSORS_CONFIG, MatcherTopology.HOOK_TABLE_UPDATER);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee(config));
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return props;
    }
}
