package io.hookline.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.HooklineConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stage whose stream thread loses its transaction keeps running and writes every record exactly once: the short
 * transaction timeout that makes failover fast must not stop a live process that stalls.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsRunnerOnBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    @Test
    void aThreadStalledPastItsTransactionTimeoutRecoversAndWritesEachRecordOnce(KafkaBroker broker)
            throws Exception {
        // given a stage with a 1 s transaction timeout whose processor stalls 2.5 s once (the broker aborts the
        // open transaction meanwhile; it checks every second)
        AtomicBoolean stalled = new AtomicBoolean();
        Pipe pipe = new Pipe(broker, value -> {
            if (value.equals("stall") && stalled.compareAndSet(false, true)) {
                sleep(Duration.ofMillis(2500));
            }
            return value;
        });
        StreamsRunner runner = pipe.start();
        try {
            // when records arrive before, at and after the stall
            List<String> sent = pipe.send("a", 10, "stall", "b", 10);

            // then each is written once, and the stage still runs
            assertThat(pipe.readCommitted(sent.size())).containsExactlyElementsOf(sent);
            assertThat(runner.isRunning()).isTrue();
        } finally {
            runner.close();
        }
    }

    @Test
    void aLostTransactionThatEscapesTheThreadReplacesItInsteadOfStoppingTheStage(KafkaBroker broker)
            throws Exception {
        // given a stage whose processor fails fast once with the error a broker-aborted commit can surface as
        AtomicBoolean failed = new AtomicBoolean();
        Pipe pipe = new Pipe(broker, value -> {
            if (value.equals("lose") && failed.compareAndSet(false, true)) {
                throw new InvalidTxnStateException("the coordinator aborted the transaction");
            }
            return value;
        });
        StreamsRunner runner = pipe.start();
        try {
            // when it is raised in the middle of the stream
            List<String> sent = pipe.send("a", 10, "lose", "b", 10);

            // then a new thread redoes the work: every record written once, the stage running
            assertThat(pipe.readCommitted(sent.size())).containsExactlyElementsOf(sent);
            assertThat(failed).isTrue();
            assertThat(runner.isRunning()).isTrue();
        } finally {
            runner.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A one-partition copy from an input topic to an output topic through a processor. */
    private static final class Pipe {
        private final KafkaBroker broker;
        private final UnaryOperator<String> processor;
        private final String in;
        private final String out;

        Pipe(KafkaBroker broker, UnaryOperator<String> processor) throws Exception {
            this.broker = broker;
            this.processor = processor;
            this.in = broker.uniqueName("in");
            this.out = broker.uniqueName("out");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1)))
                        .all().get();
            }
        }

        StreamsRunner start() throws Exception {
            HooklineConfig config = HooklineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "hookline.application-id-prefix", broker.uniqueName("app"),
                    "transaction.timeout.ms", "1000",
                    "state.dir", Files.createTempDirectory("streams-runner").toString()));
            StreamsRunner runner = new StreamsRunner("ingestor", config, new SimpleMeterRegistry(),
                    Duration.ofSeconds(5)).add(StreamsApp.main("ingestor").failingFastIn("process"), builder -> {
                        builder.stream(in, Consumed.with(Serdes.String(), Serdes.String()).withName("source"))
                                .mapValues(processor::apply, Named.as("process"))
                                .to(out, Produced.with(Serdes.String(), Serdes.String()).withName("sink"));
                        return builder.build();
                    });
            runner.start();
            return runner;
        }

        List<String> send(String before, int beforeCount, String middle, String after, int afterCount)
                throws Exception {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < beforeCount; i++) {
                values.add(before + i);
            }
            values.add(middle);
            for (int i = 0; i < afterCount; i++) {
                values.add(after + i);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(),
                    new StringSerializer())) {
                for (String value : values) {
                    producer.send(new ProducerRecord<>(in, "k", value)).get();
                }
            }
            return values;
        }

        List<String> readCommitted(int expected) {
            Properties props = new Properties();
            props.put("bootstrap.servers", broker.bootstrapServers());
            props.put("isolation.level", "read_committed");
            props.put("auto.offset.reset", "earliest");
            props.put("group.id", broker.uniqueName("reader"));
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(out));
                // read past the expected count for a moment, so that a doubled record would be seen
                long quietUntil = Long.MAX_VALUE;
                while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        seen.add(r.value());
                    }
                    if (seen.size() >= expected && quietUntil == Long.MAX_VALUE) {
                        quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                    }
                }
            }
            return seen;
        }
    }
}
