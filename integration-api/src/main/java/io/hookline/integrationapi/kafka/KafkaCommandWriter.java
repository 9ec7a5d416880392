package io.hookline.integrationapi.kafka;

import io.hookline.integrationapi.api.CommandWriter;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.topic.Topic;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Writes commands to {@code post-commands} and waits for the acknowledgement: the API answers 200 only for a command
 * the broker has (the producer is idempotent with {@code acks=all}, so a retried send is not written twice).
 */
public final class KafkaCommandWriter implements CommandWriter {

    private final Producer<String, PostCommand> producer;
    private final Topic<String, PostCommand> topic;
    private final Duration wait;

    /** @param wait how long to wait for an acknowledgement: a little more than the producer's delivery timeout */
    public KafkaCommandWriter(Producer<String, PostCommand> producer, Topic<String, PostCommand> topic,
                              Duration wait) {
        this.producer = producer;
        this.topic = topic;
        this.wait = wait;
    }

    @Override
    public void write(String key, PostCommand command) throws NotWritten {
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, command)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotWritten("writing to " + topic.name() + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotWritten("no acknowledgement from " + topic.name() + " within " + wait.toMillis() + " ms", e);
        } catch (KafkaException e) {
            throw new NotWritten("writing to " + topic.name() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotWritten("interrupted while writing to " + topic.name(), e);
        }
    }
}
