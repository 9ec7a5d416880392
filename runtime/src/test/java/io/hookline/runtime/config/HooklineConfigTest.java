package io.hookline.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HooklineConfigTest {

    private static final ConfigKey FLAG = ConfigKey.of("hookline.example-flag", "false", "a flag");
    private static final ConfigKey TIMEOUT = ConfigKey.of("hookline.example-timeout", "30", "a timeout in seconds");

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingSetsAKey() {
        HooklineConfig config = HooklineConfig.of(Map.of());
        assertThat(config.getBoolean(FLAG)).isFalse();
        assertThat(config.getPositiveDuration(TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.get(Settings.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
        assertThat(config.get(Settings.BOOTSTRAP_SERVERS)).isNull();
        assertThat(config.isExplicit(FLAG.name())).isFalse();
    }

    @Test
    void durationsHaveOneGrammarWithBareNumbersAsSeconds() {
        HooklineConfig config = HooklineConfig.of(Map.of("hookline.example-timeout", "250ms",
                "hookline.example-list", "1s, 5m,2h,1d,0"));
        assertThat(config.getPositiveDuration(TIMEOUT)).isEqualTo(Duration.ofMillis(250));
        assertThat(config.getDurations(ConfigKey.of("hookline.example-list", "", "d"))).containsExactly(
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(1), Duration.ZERO);
        assertThat(config.getDurations(ConfigKey.of("hookline.example-empty", "", "d"))).isEmpty();
        assertThat(Durations.parse(" 24H ")).isEqualTo(Duration.ofHours(24));
        for (String bad : new String[] {"", "-1s", "1.5h", "1w", "PT24H", "h", "5 minutes"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "' is not a duration like 250ms");
        }
        assertThatThrownBy(() -> HooklineConfig.of(Map.of("hookline.example-timeout", "0"))
                .getPositiveDuration(TIMEOUT)).hasMessageContaining("hookline.example-timeout")
                .hasMessageContaining("more than zero");
        assertThat(HooklineConfig.of(Map.of("hookline.example-timeout", "500ms")).getDurationAtMost(TIMEOUT,
                Duration.ofMillis(500))).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> HooklineConfig.of(Map.of("hookline.example-timeout", "501ms"))
                .getDurationAtMost(TIMEOUT, Duration.ofMillis(500)))
                .hasMessageContaining("hookline.example-timeout must be at most 500ms, got '501ms'");
    }

    @Test
    void setBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Path file = dir.resolve("hookline.properties");
        Files.writeString(file, "hookline.topic.posts=file-posts\nhookline.topic.dead-letters=file-dlq\n"
                + "hookline.example-flag=true\nbootstrap.servers=file:9092\n");
        HooklineConfig config = HooklineConfig.load(file,
                Map.of("HOOKLINE_TOPIC_POSTS", "env-posts", "HOOKLINE_TOPIC_DEAD_LETTERS", "env-dlq", "PATH", "/bin"),
                Map.of("hookline.topic.posts", "set-posts"));
        assertThat(config.get(TopicSettings.keyOf("posts"))).isEqualTo("set-posts");
        assertThat(config.sourceOf("hookline.topic.posts")).isEqualTo("--set");
        assertThat(config.get(TopicSettings.keyOf("dead-letters"))).isEqualTo("env-dlq");
        assertThat(config.sourceOf("hookline.topic.dead-letters")).isEqualTo("env HOOKLINE_TOPIC_DEAD_LETTERS");
        assertThat(config.getBoolean(FLAG)).isTrue();
        assertThat(config.sourceOf("hookline.example-flag")).isEqualTo("file " + file);
        assertThat(config.isExplicit("hookline.example-flag")).isTrue();
        assertThat(config.isExplicit("hookline.topic.post-commands")).isFalse();
        assertThat(config.get(TopicSettings.keyOf("post-commands"))).isEqualTo("post-commands");
        assertThat(config.sourceOf("hookline.topic.post-commands")).isEqualTo("default");
    }

    @Test
    void kafkaSettingsPassThroughFromEveryLayer() throws IOException {
        Path file = dir.resolve("k.properties");
        Files.writeString(file, "security.protocol=SSL\nhookline.topic.posts=p\nbootstrap.servers=file:9092\n");
        HooklineConfig config = HooklineConfig.load(file,
                Map.of("HOOKLINE_KAFKA_SASL_MECHANISM", "PLAIN", "HOOKLINE_BOOTSTRAP_SERVERS", "env:9092"),
                Map.of("client.id", "x"));
        assertThat(config.kafkaProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SSL", "sasl.mechanism", "PLAIN", "bootstrap.servers", "env:9092",
                "client.id", "x"));
        assertThat(config.get(Settings.BOOTSTRAP_SERVERS)).isEqualTo("env:9092");
        assertThat(config.sourceOf("sasl.mechanism")).isEqualTo("env HOOKLINE_KAFKA_SASL_MECHANISM");
    }

    @Test
    void describeMasksSecrets() {
        HooklineConfig config = HooklineConfig.of(Map.of("sasl.jaas.config", "org.x required password=\"p\";",
                "ssl.truststore.password", "hunter2"));
        var entries = config.describe(Settings.ALL);
        assertThat(entries).extracting(HooklineConfig.Entry::key).contains("sasl.jaas.config",
                "hookline.processing-guarantee", "ssl.truststore.password");
        assertThat(entries.toString()).doesNotContain("hunter2").doesNotContain("password=");
    }

    @Test
    void badValuesNameTheKeyAndTheSource() {
        HooklineConfig config = HooklineConfig.of(Map.of("hookline.example-flag", "yes",
                "hookline.example-timeout", "-3", "hookline.topic-partitions", "many"));
        assertThatThrownBy(() -> config.getBoolean(FLAG))
                .hasMessageContaining("hookline.example-flag").hasMessageContaining("'yes'")
                .hasMessageContaining("--set");
        assertThatThrownBy(() -> config.getPositiveDuration(TIMEOUT))
                .hasMessageContaining("hookline.example-timeout").hasMessageContaining("a duration like");
        assertThatThrownBy(() -> config.getInt(Settings.TOPIC_PARTITIONS)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> config.require(Settings.BOOTSTRAP_SERVERS))
                .hasMessageContaining("HOOKLINE_BOOTSTRAP_SERVERS");
    }

    @Test
    void unreadableFileIsAClearError() {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> HooklineConfig.load(missing, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
    }

    @Test
    void topicNamesComeFromConfiguration() {
        Topics topics = TopicSettings.topics(HooklineConfig.of(Map.of("hookline.topic.posts", "chat-posts")));
        assertThat(topics.posts().name()).isEqualTo("chat-posts");
        assertThat(topics.webhookConfigs().compacted()).isTrue();
        assertThat(topics.byName("posts")).isSameAs(topics.posts());
        assertThat(topics.byName("chat-posts")).isSameAs(topics.posts());
        assertThat(topics.all()).hasSize(9);
        assertThat(topics.integrationSecrets().partitions()).isEqualTo(1);
        assertThat(topics.integrationSecrets().compacted()).isTrue();
        assertThatThrownBy(() -> TopicSettings.topics(HooklineConfig.of(Map.of("hookline.topic.posts", " "))))
                .hasMessageContaining("posts");
    }

    @Test
    void environmentVariableNamesFollowTheKey() {
        assertThat(ConfigKey.of("hookline.enable-outgoing-webhooks", "true", "d").environmentVariable())
                .isEqualTo("HOOKLINE_ENABLE_OUTGOING_WEBHOOKS");
        assertThat(Settings.BOOTSTRAP_SERVERS.environmentVariable()).isEqualTo("HOOKLINE_BOOTSTRAP_SERVERS");
    }
}
