package io.hookline.kafkatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerModeTest {

  @Test
  void localByDefault() {
    assertThat(BrokerMode.choose(null, null)).isEqualTo(BrokerMode.LOCAL);
    assertThat(BrokerMode.choose("", "  ")).isEqualTo(BrokerMode.LOCAL);
  }

  @Test
  void bootstrapEnvironmentSelectsTheExternalCluster() {
    assertThat(BrokerMode.choose(null, "kafka:9092")).isEqualTo(BrokerMode.EXTERNAL);
  }

  @Test
  void explicitPropertyWins() {
    assertThat(BrokerMode.choose("testcontainers", "kafka:9092")).isEqualTo(BrokerMode.TESTCONTAINERS);
    assertThat(BrokerMode.choose(" Local ", "kafka:9092")).isEqualTo(BrokerMode.LOCAL);
    assertThat(BrokerMode.choose("external", "kafka:9092")).isEqualTo(BrokerMode.EXTERNAL);
  }

  @Test
  void unknownModeAndExternalWithoutAddressAreClearErrors() {
    assertThatThrownBy(() -> BrokerMode.choose("kubernetes", null))
        .hasMessageContaining("hookline.test.kafka=kubernetes").hasMessageContaining("local, testcontainers or external");
    assertThatThrownBy(() -> BrokerMode.choose("external", null))
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
  }
}
