package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.cli.run.StopSignal;
import io.hookline.localkafka.junit.KafkaBroker;
import io.hookline.localkafka.junit.KafkaBrokerExtension;
import io.hookline.schemas.topic.Topic;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code hookline up --bootstrap-servers ...}: topics, the three services, one ready line, a clean stop. */
@ExtendWith(KafkaBrokerExtension.class)
class UpCommandOnBrokerTest {

    @Test
    void upCreatesTheTopicsRunsTheServicesSaysReadyAndStopsOnRequest(KafkaBroker broker) throws Exception {
        IsolatedConfig isolated = new IsolatedConfig(broker);
        StopSignal stop = new StopSignal();
        CommandLine cl = HooklineCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]), () -> stop);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(isolated.args("up")));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!out.toString().contains("ready") && !exit.isDone()) {
            assertThat(System.nanoTime()).as("ready line; err so far: %s", err).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(out.toString().lines().toList()).singleElement().asString()
                .startsWith("ready: matcher, dispatcher, ingestor are running;")
                .contains("bootstrap.servers=" + broker.bootstrapServers());

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            var names = admin.listTopics().names().get();
            for (Topic<?, ?> topic : isolated.topics().all()) {
                assertThat(names).contains(topic.name());
            }
        }

        stop.request();
        assertThat(exit.get(90, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(ExitCodes.OK);
    }
}
