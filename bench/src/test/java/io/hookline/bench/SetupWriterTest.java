package io.hookline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    @Test
    void aHookIsWrittenToTheHookTopicKeyedByItsId() {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        Topics topics = Topics.named(name -> "bench-" + name);
        OutgoingWebhook hook = BenchHooks.teamHook("hook00000000000000000000001", "team00000000000000000000001",
                List.of("http://127.0.0.1:9/hook"), "Bot");
        try (SetupWriter writer = new SetupWriter(producer)) {
            writer.sendHook(topics, hook);
        }

        ProducerRecord<byte[], byte[]> written = producer.history().get(0);
        assertThat(written.topic()).isEqualTo(topics.webhookConfigs().name());
        assertThat(new String(written.key(), StandardCharsets.UTF_8)).isEqualTo(hook.id());
        OutgoingWebhook read = JsonSerde.of(OutgoingWebhook.class).fromBytes(written.value());
        assertThat(read).isEqualTo(hook);
        assertThat(read.triggerWords()).containsExactly(BenchHooks.TRIGGER_WORD);
    }
}
