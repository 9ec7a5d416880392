package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.topic.Topic;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code hookline up --bootstrap-servers ...}: topics, the four services and the console, one ready line, a clean stop.
 */
@ExtendWith(KafkaBrokerExtension.class)
class UpCommandOnBrokerTest {

    @Test
    void upCreatesTheTopicsRunsTheServicesSaysReadyAndStopsOnRequest(KafkaBroker broker) throws Exception {
        IsolatedConfig isolated = new IsolatedConfig(broker);
        try (RunningCommand up = RunningCommand.start(isolated.args("up"))) {
            assertThat(up.out().toString().lines().toList()).singleElement().asString()
                    .startsWith("ready: matcher, dispatcher, ingestor, integration-api are running;")
                    .contains("bootstrap.servers=" + broker.bootstrapServers())
                    .containsPattern("; integration-api=http://127\\.0\\.0\\.1:[0-9]+;")
                    .containsPattern("; console=http://127\\.0\\.0\\.1:[0-9]+;");
            java.util.regex.Matcher console = java.util.regex.Pattern.compile("console=(http://[0-9.:]+)")
                    .matcher(up.out().toString());
            assertThat(console.find()).isTrue();
            var info = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(console.group(1) + "/api/console")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
            assertThat(info.body()).contains("\"bootstrap_servers\":\"" + broker.bootstrapServers() + "\"");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                var names = admin.listTopics().names().get();
                for (Topic<?, ?> topic : isolated.topics().all()) {
                    assertThat(names).contains(topic.name());
                }
            }

            up.stop();
        }
    }
}
