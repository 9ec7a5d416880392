package io.hookline.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.deadletter.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A processor's failures become dead letters in one place, with the stage's headers, the original record whole; an
 * exception that escapes a processor is dead-lettered the same way by the handler the Streams settings install.
 */
class StreamsDeadLettersTest {

    private static final StreamsApp APP = StreamsApp.main("ingestor");
    private static final Instant TIME = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path stateDir;

    /** Upper-cases a value; "bad..." fails with a reason, "boom" throws. */
    private static final class Upper implements Processor<byte[], byte[], String, ProcessingResult<String>> {
        private ProcessorContext<String, ProcessingResult<String>> context;

        @Override
        public void init(ProcessorContext<String, ProcessingResult<String>> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            if (text.equals("boom")) {
                throw new IllegalStateException("a bug quoting a secret");
            }
            ProcessingResult<String> result = text.startsWith("bad") ? ProcessingResult.failure("bad input", record)
                    : ProcessingResult.success(text.toUpperCase());
            context.forward(new Record<>("k", result, record.timestamp(), record.headers()));
        }
    }

    @Test
    void failuresAndEscapedExceptionsAreDeadLetteredSuccessesPassOn() {
        HooklineConfig config = HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:9",
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
        Properties props = APP.properties(config);
        StreamsBuilder builder = APP.streamsBuilder(config);
        KStream<String, ProcessingResult<String>> results = builder.stream("in",
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("test-source"))
                .process(Upper::new, Named.as("test-upper"));
        new StreamsDeadLetters("ingestor").divert(results, "dead-letters", "test")
                .to("out", Produced.with(Serdes.String(), Serdes.String()).withName("test-out"));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props, TIME)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", new ByteArraySerializer(),
                    new ByteArraySerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(),
                    new StringDeserializer());
            TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic("dead-letters",
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            RecordHeaders headers = new RecordHeaders();
            headers.add("trace", bytes("t-1"));
            in.pipeInput(new TestRecord<>(bytes("a"), bytes("fine"), headers, TIME));
            in.pipeInput(new TestRecord<>(bytes("b"), bytes("bad one"), headers, TIME.plusSeconds(1)));
            in.pipeInput(new TestRecord<>(bytes("c"), bytes("boom"), null, TIME.plusSeconds(2)));
            in.pipeInput(new TestRecord<>(bytes("d"), bytes("fine again"), null, TIME.plusSeconds(3)));

            assertThat(out.readValuesToList()).containsExactly("FINE", "FINE AGAIN");
            List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
            assertThat(letters).hasSize(2);

            TestRecord<byte[], byte[]> failed = letters.get(0);
            assertThat(failed.key()).isEqualTo(bytes("b"));
            assertThat(failed.value()).isEqualTo(bytes("bad one"));
            assertThat(failed.getRecordTime()).isEqualTo(TIME.plusSeconds(1));
            assertThat(failed.headers().lastHeader("trace").value()).isEqualTo(bytes("t-1"));
            assertThat(DeadLetter.from(failed.headers())).isEqualTo(new DeadLetter("ingestor", "bad input", "in", 0,
                    1));

            TestRecord<byte[], byte[]> thrown = letters.get(1);
            assertThat(thrown.key()).isEqualTo(bytes("c"));
            assertThat(thrown.value()).isEqualTo(bytes("boom"));
            assertThat(DeadLetter.from(thrown.headers())).isEqualTo(new DeadLetter("ingestor",
                    "unexpected error in the ingestor: java.lang.IllegalStateException", "in", 0, 2));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
