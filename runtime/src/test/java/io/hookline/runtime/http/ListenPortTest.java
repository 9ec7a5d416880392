package io.hookline.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenPortTest {

    private static final ConfigKey PORT = ConfigKey.of("hookline.some-port", "9464", "a port");

    @Test
    void theDefaultIsPreferredAnExplicitPortIsRequiredZeroIsAnyAndOffDisables() {
        assertThat(ListenPort.from(HooklineConfig.of(Map.of()), PORT)).isEqualTo(new ListenPort(true, 9464, false));
        assertThat(ListenPort.from(HooklineConfig.of(Map.of(PORT.name(), "9500")), PORT))
                .isEqualTo(new ListenPort(true, 9500, true));
        assertThat(ListenPort.from(HooklineConfig.of(Map.of(PORT.name(), "9464")), PORT))
                .as("the default's value, set explicitly, is required").isEqualTo(new ListenPort(true, 9464, true));
        assertThat(ListenPort.from(HooklineConfig.of(Map.of(PORT.name(), "0")), PORT))
                .isEqualTo(new ListenPort(true, 0, false));
        assertThat(ListenPort.from(HooklineConfig.of(Map.of(PORT.name(), " OFF ")), PORT).enabled()).isFalse();
    }

    @Test
    void anythingElseIsAnErrorNamingTheKeyAndWhereTheValueCameFrom() {
        assertThatThrownBy(() -> ListenPort.from(HooklineConfig.of(Map.of(PORT.name(), "70000")), PORT))
                .hasMessage("hookline.some-port must be a port (1-65535), 0 (any free port) or off, got '70000' "
                        + "(from --set)");
        assertThatThrownBy(() -> ListenPort.from(HooklineConfig.of(Map.of(PORT.name(), "http")), PORT))
                .hasMessageStartingWith("hookline.some-port must be a port");
    }
}
