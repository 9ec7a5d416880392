package io.hookline.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

  private final BrokerSettings settings = new BrokerSettings(Path.of("/data/dir one/kafka-data"), 19092, 19093);

  @Test
  void isACombinedSingleNodeOnLoopback() throws Exception {
    Properties props = parse(settings.render());

    assertThat(props.getProperty("process.roles")).isEqualTo("broker,controller");
    assertThat(props.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
    assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
    assertThat(props.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:19093");
    assertThat(props).doesNotContainKey("controller.quorum.voters");
    assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:19092");
  }

  @Test
  void keepsOneCopyOfEveryInternalTopic() throws Exception {
    Properties props = parse(settings.render());

    assertThat(props).containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0");
  }

  @Test
  void brokerSessionIsShortSoAKilledNodeIsReadmittedQuickly() throws Exception {
    Properties props = parse(settings.render());

    int heartbeat = Integer.parseInt(props.getProperty("broker.heartbeat.interval.ms"));
    int session = Integer.parseInt(props.getProperty("broker.session.timeout.ms"));
    assertThat(session).isLessThan(9_000).isGreaterThan(2 * heartbeat);
  }

  @Test
  void aKilledProcesssOpenTransactionIsAbortedWithinASecondOfItsTimeout() throws Exception {
    Properties props = parse(settings.render());

    assertThat(Integer.parseInt(props.getProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms")))
        .isLessThanOrEqualTo(1_000);
  }

  @Test
  void logDirSurvivesPropertiesEscaping() throws Exception {
    Properties props = parse(settings.render());

    assertThat(Path.of(props.getProperty("log.dirs"))).isEqualTo(Path.of("/data/dir one/kafka-data").toAbsolutePath());
  }

  @Test
  void rejectsClashingOrInvalidPorts() {
    assertThatThrownBy(() -> new BrokerSettings(Path.of("x"), 9092, 9092))
        .hasMessageContaining("must differ");
    assertThatThrownBy(() -> new BrokerSettings(Path.of("x"), 0, 9093))
        .hasMessageContaining("broker port");
    assertThatThrownBy(() -> new BrokerSettings(Path.of("x"), 9092, 70_000))
        .hasMessageContaining("controller port");
  }

  @Test
  void aNodeOfThreeKeepsThreeCopiesOneOfWhichMayBeDown() throws Exception {
    BrokerSettings node = new BrokerSettings(Path.of("/d"), 19092, 19093,
        new BrokerSettings.Quorum(2, "1@127.0.0.1:1,2@127.0.0.1:19093,3@127.0.0.1:3", 3), "PLAINTEXT", Map.of());
    Properties props = parse(node.render());

    assertThat(props).containsEntry("node.id", "2")
        .containsEntry("controller.quorum.voters", "1@127.0.0.1:1,2@127.0.0.1:19093,3@127.0.0.1:3")
        .containsEntry("default.replication.factor", "3")
        .containsEntry("min.insync.replicas", "2")
        .containsEntry("offsets.topic.replication.factor", "3")
        .containsEntry("transaction.state.log.min.isr", "2")
        .doesNotContainKey("controller.quorum.bootstrap.servers");
  }

  @Test
  void aSecuredClientListenerKeepsThePlaintextControllerOnLoopback() throws Exception {
    BrokerSettings secured = new BrokerSettings(Path.of("/d"), 19092, 19093, BrokerSettings.Quorum.single(),
        "SASL_SSL", Map.of("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"));
    Properties props = parse(secured.render());

    assertThat(props).containsEntry("listeners", "SASL_SSL://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("advertised.listeners", "SASL_SSL://127.0.0.1:19092")
        .containsEntry("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT")
        .containsEntry("inter.broker.listener.name", "SASL_SSL")
        .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
  }

  private static Properties parse(String text) throws Exception {
    Properties props = new Properties();
    props.load(new StringReader(text));
    return props;
  }
}
