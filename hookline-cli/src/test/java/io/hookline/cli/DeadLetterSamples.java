package io.hookline.cli;

import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One dead letter of each kind the dead-letter tools tell apart, written as the stages write them, for the CLI's and
 * the console's tests alike. At offsets 0 to 3 of the (one-partition) dead-letter topic:
 * <ol start="0">
 *   <li>a post without a channel (matcher): replayable to the posts topic, and it carries a token to mask;</li>
 *   <li>an answer that is not JSON (ingestor): replayable to webhook-responses, its bytes shown as base64;</li>
 *   <li>a record from a topic that is not Hookline's: never replayed;</li>
 *   <li>a failed delivery (dispatcher): redelivered with its own command, never replayed as a trigger.</li>
 * </ol>
 */
public final class DeadLetterSamples {

    public static final String POST_WITHOUT_CHANNEL =
            "{\"post\": {\"message\": \"no channel\"}, \"token\": \"s3cret-token\"}";
    public static final String POST_TOKEN = "s3cret-token";
    public static final String FOREIGN_TOPIC = "not-hooklines";
    public static final String FAILED_DELIVERY_ID = "3q8fzkk1x7dmxb5ht4z8aktkpa";

    private DeadLetterSamples() {
    }

    public static void write(String bootstrapServers, Topics topics) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            String dlq = topics.deadLetters().name();
            producer.send(new ProducerRecord<>(dlq, null, utf8("chan1"), utf8(POST_WITHOUT_CHANNEL),
                    new DeadLetter("matcher", "post.channel_id is missing", topics.posts().name(), 3, 41)
                            .toHeaders())).get();
            producer.send(new ProducerRecord<>(dlq, null, utf8("hook1:chan1"), new byte[] {(byte) 0xff, 1},
                    new DeadLetter("ingestor", "not JSON", topics.webhookResponses().name(), 0, 7).toHeaders()))
                    .get();
            producer.send(new ProducerRecord<>(dlq, null, utf8("k"), utf8("{}"),
                    new DeadLetter("matcher", "elsewhere", FOREIGN_TOPIC, 0, 1).toHeaders())).get();
            // as an earlier dispatcher dead-lettered a failed delivery: its trigger has no token and no secret
            producer.send(new ProducerRecord<>(dlq, null, utf8("hook1:chan1"),
                    utf8("{\"delivery_id\": \"" + FAILED_DELIVERY_ID + "\", \"signing_secrets\": []}"),
                    new DeadLetter("dispatcher", "delivery " + FAILED_DELIVERY_ID + " failed: HTTP 500",
                            topics.webhookTriggers().name(), 0, 5).toHeaders())).get();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
