package io.hookline.runtime.config;

import io.hookline.runtime.topic.TopicSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.schemas.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HooklineConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsMirrorMattermost() {
        HooklineConfig config = HooklineConfig.of(Map.of());
        assertThat(config.getBoolean(Settings.ENABLE_OUTGOING_WEBHOOKS)).isTrue();
        assertThat(config.getBoolean(Settings.ENABLE_POST_USERNAME_OVERRIDE)).isFalse();
        assertThat(config.getBoolean(Settings.ENABLE_POST_ICON_OVERRIDE)).isFalse();
        assertThat(config.get(Settings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS)).isEmpty();
        assertThat(config.getSeconds(Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.get(Settings.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
        assertThat(config.get(Settings.BOOTSTRAP_SERVERS)).isNull();
    }

    @Test
    void setBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Path file = dir.resolve("hookline.properties");
        Files.writeString(file, "hookline.topic.posts=file-posts\nhookline.topic.dead-letters=file-dlq\n"
                + "hookline.enable-post-username-override=true\nbootstrap.servers=file:9092\n");
        HooklineConfig config = HooklineConfig.load(file,
                Map.of("HOOKLINE_TOPIC_POSTS", "env-posts", "HOOKLINE_TOPIC_DEAD_LETTERS", "env-dlq", "PATH", "/bin"),
                Map.of("hookline.topic.posts", "set-posts"));
        assertThat(config.get(TopicSettings.keyOf("posts"))).isEqualTo("set-posts");
        assertThat(config.sourceOf("hookline.topic.posts")).isEqualTo("--set");
        assertThat(config.get(TopicSettings.keyOf("dead-letters"))).isEqualTo("env-dlq");
        assertThat(config.sourceOf("hookline.topic.dead-letters")).isEqualTo("env HOOKLINE_TOPIC_DEAD_LETTERS");
        assertThat(config.getBoolean(Settings.ENABLE_POST_USERNAME_OVERRIDE)).isTrue();
        assertThat(config.sourceOf("hookline.enable-post-username-override")).isEqualTo("file " + file);
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
                "hookline.enable-outgoing-webhooks", "ssl.truststore.password");
        assertThat(entries.toString()).doesNotContain("hunter2").doesNotContain("password=");
    }

    @Test
    void badValuesNameTheKeyAndTheSource() {
        HooklineConfig config = HooklineConfig.of(Map.of("hookline.enable-outgoing-webhooks", "yes",
                "hookline.outgoing-integration-requests-timeout", "-3", "hookline.topic-partitions", "many"));
        assertThatThrownBy(() -> config.getBoolean(Settings.ENABLE_OUTGOING_WEBHOOKS))
                .hasMessageContaining("hookline.enable-outgoing-webhooks").hasMessageContaining("'yes'")
                .hasMessageContaining("--set");
        assertThatThrownBy(() -> config.getSeconds(Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT))
                .hasMessageContaining("positive number of seconds");
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
        assertThat(topics.all()).hasSize(7);
        assertThatThrownBy(() -> TopicSettings.topics(HooklineConfig.of(Map.of("hookline.topic.posts", " "))))
                .hasMessageContaining("posts");
    }

    @Test
    void environmentVariableNamesFollowTheKey() {
        assertThat(Settings.ENABLE_OUTGOING_WEBHOOKS.environmentVariable())
                .isEqualTo("HOOKLINE_ENABLE_OUTGOING_WEBHOOKS");
        assertThat(Settings.BOOTSTRAP_SERVERS.environmentVariable()).isEqualTo("HOOKLINE_BOOTSTRAP_SERVERS");
    }
}
