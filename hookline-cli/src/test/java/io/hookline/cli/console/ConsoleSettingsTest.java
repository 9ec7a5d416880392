package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.HooklineConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSettingsTest {

    @Test
    void loopbackByDefaultWithoutToken() {
        ConsoleSettings.Listen listen = ConsoleSettings.listen(HooklineConfig.of(Map.of()));
        assertThat(listen.address()).isEqualTo("127.0.0.1");
        assertThat(listen.port().port()).isEqualTo(8068);
        assertThat(listen.port().required()).as("the default port is only preferred").isFalse();
        assertThat(listen.loopback()).isTrue();
        assertThat(listen.adminToken()).isNull();
    }

    @Test
    void aNonLoopbackAddressWithoutTokenIsRefusedNamingBothKeys() {
        assertThatThrownBy(() -> ConsoleSettings.listen(HooklineConfig.of(Map.of("hookline.console-address",
                "0.0.0.0")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hookline.console-address=0.0.0.0")
                .hasMessageContaining("hookline.console-admin-token");
        ConsoleSettings.Listen listen = ConsoleSettings.listen(HooklineConfig.of(Map.of("hookline.console-address",
                "0.0.0.0", "hookline.console-admin-token", " s3cret ")));
        assertThat(listen.adminToken()).isEqualTo("s3cret");
        assertThat(listen.toString()).doesNotContain("s3cret");
    }

    @Test
    void theTokenIsASecretThatConfigMasks() {
        assertThat(HooklineConfig.isSecret(ConsoleSettings.ADMIN_TOKEN.name())).isTrue();
    }

    @Test
    void offAndWrongPortsAreSaidByKey() {
        assertThat(ConsoleSettings.port(HooklineConfig.of(Map.of("hookline.console-port", "off"))).enabled()).isFalse();
        assertThatThrownBy(() -> ConsoleSettings.port(HooklineConfig.of(Map.of("hookline.console-port", "web"))))
                .hasMessageContaining("hookline.console-port must be a port");
    }
}
