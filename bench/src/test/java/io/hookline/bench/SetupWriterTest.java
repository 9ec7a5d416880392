package io.hookline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class SetupWriterTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRecordTheBrokerRefusedFailsTheRunWhenTheWriterCloses() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(false, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        SetupWriter writer = new SetupWriter(producer);
        writer.send("hooks", bytes("a"), bytes("1"));
        writer.send("hooks", bytes("b"), bytes("2"));
        writer.send("hooks", bytes("c"), bytes("3"));

        producer.completeNext();
        producer.errorNext(new OutOfOrderSequenceException("expired"));
        producer.errorNext(new OutOfOrderSequenceException("expired too"));

        assertThatThrownBy(writer::close)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("2 setup record(s) were not written")
                .hasMessageContaining("expired")
                .hasCauseInstanceOf(OutOfOrderSequenceException.class);
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void writesThatAllLandCloseQuietly() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        try (SetupWriter writer = new SetupWriter(producer)) {
            writer.send("hooks", bytes("a"), bytes("1"));
            writer.send("posts", bytes("b"), bytes("2"));
        }
        assertThat(producer.history()).hasSize(2);
        assertThat(producer.closed()).isTrue();
    }
}
