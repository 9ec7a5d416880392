package io.hookline.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.hookline.runtime.config.HooklineConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void defaultsAreTextAndKafkaAtWarn() {
        HooklineConfig config = HooklineConfig.of(Map.of());
        assertThat(LogFormat.from(config)).isEqualTo(LogFormat.TEXT);
        LogLevels levels = LogLevels.from(config);
        assertThat(levels.root()).isEqualTo(Level.INFO);
        assertThat(levels.byLogger()).containsExactly(Map.entry("org.apache.kafka", Level.WARN));
    }

    @Test
    void formatComesFromTheEnvironmentToo() {
        HooklineConfig config = HooklineConfig.load(null, Map.of("HOOKLINE_LOG_FORMAT", "JSON"), Map.of());
        assertThat(LogFormat.from(config)).isEqualTo(LogFormat.JSON);
    }

    @Test
    void badValuesNameTheKeyAndTheRule() {
        assertThatThrownBy(() -> LogFormat.from(HooklineConfig.of(Map.of("hookline.log-format", "xml"))))
                .hasMessage("hookline.log-format must be one of [text, logfmt, json], got 'xml' (from --set)");
        assertThatThrownBy(() -> LogLevels.from(HooklineConfig.of(Map.of("hookline.log-level", "loud"))))
                .hasMessageContaining("hookline.log-level has an unknown level 'loud'");
        assertThatThrownBy(() -> LogLevels.parse("io.hookline=debug,warn"))
                .hasMessageContaining("overall level first");
        assertThatThrownBy(() -> LogLevels.parse("info,=debug")).hasMessageContaining("without a logger name");
    }

    @Test
    void levelsApplyToTheLoggerContext() {
        LoggerContext context = new LoggerContext();
        LogSetup.apply(context, LogFormat.LOGFMT, LogLevels.parse("warn, io.hookline=debug ,org.apache.kafka=error"));
        assertThat(context.getLogger("root").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("io.hookline.matcher").getEffectiveLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("org.apache.kafka.clients").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("root").getAppender("stderr")).isNotNull();
    }
}
