package io.hookline.bench;

import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a run's setup records (hooks, pre-filled posts) without waiting on each, and fails the run if any was not
 * written: a lost hook would otherwise show only as a slow or short run, not as an error.
 */
final class SetupWriter implements AutoCloseable {

    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);

    private final Producer<byte[], byte[]> producer;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    SetupWriter(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    void send(String topic, byte[] key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
            if (e != null) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e);
            }
        });
    }

    /** Writes {@code hook} to the hook topic, keyed by its id as the admin commands write it. */
    void sendHook(Topics topics, OutgoingWebhook hook) {
        send(topics.webhookConfigs().name(), hook.id().getBytes(StandardCharsets.UTF_8), HOOKS.toBytes(hook));
    }

    /** Returns once every record sent so far is written; throws if any of them was not. */
    private void flush() {
        producer.flush();
        Exception first = firstFailure.get();
        if (first != null) {
            throw new IllegalStateException(failed.get() + " setup record(s) were not written, the run would "
                    + "measure a different load; the first failure: " + first, first);
        }
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
        }
    }
}
