package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.deadletter.DeadLetterRecord;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void roundTripsThroughHeadersAndReplacesAnEarlierDescription() {
        DeadLetter first = new DeadLetter("matcher", "bad JSON", "posts", 2, 41);
        DeadLetter second = new DeadLetter("dispatcher", "HTTP 500 after 4 attempts", "webhook-triggers", 1, 7);
        var headers = second.writeTo(first.toHeaders());
        assertThat(DeadLetter.from(headers)).isEqualTo(second);
        assertThat(headers.headers(DeadLetter.STAGE)).hasSize(1);
    }

    @Test
    void parserMessagesLoseTheInputTheyQuoteAndEveryLineButTheFirst() {
        String token = "8z7kqkq3wbrfjkm6y1hbgb6b4a";
        assertThat(DeadLetter.withoutQuotedInput("Unrecognized token '" + token + "': was expecting ('true')"
                + "\n at [Source: {\"token\": \"" + token + "\"}]"))
                .isEqualTo("Unrecognized token '...': was expecting ('...')");
        assertThat(DeadLetter.withoutQuotedInput("bad value \"whsec_" + token + "\" in field x"))
                .isEqualTo("bad value \"...\" in field x");
        assertThat(DeadLetter.withoutQuotedInput("Unexpected character ('x' (code 120))"))
                .as("a single quoted character cannot carry a secret and helps the reader")
                .isEqualTo("Unexpected character ('x' (code 120))");
        assertThat(DeadLetter.withoutQuotedInput(null)).isEqualTo("unreadable input");
    }

    @Test
    void headersWithoutDescriptionReadAsNull() {
        assertThat(DeadLetter.from(new RecordHeaders())).isNull();
    }

    @Test
    void longReasonsAreCut() {
        DeadLetter d = new DeadLetter("ingestor", "x".repeat(10_000), "t", 0, 0);
        assertThat(d.reason()).hasSize(DeadLetter.MAX_REASON_CHARS + 3);
    }

    @Test
    void aDeadLetterRecordKeepsKeyValueAndHeadersAndLeavesTheOriginalHeadersAlone() {
        byte[] key = bytes("k");
        byte[] value = bytes("{\"not\": \"valid\"}");
        RecordHeaders original = new RecordHeaders();
        original.add("trace", bytes("t-1"));
        original.add(DeadLetter.REASON, bytes("an earlier stage's reason"));
        DeadLetter letter = new DeadLetter("ingestor", "bad JSON", "webhook-responses", 3, 99);

        DeadLetterRecord record = DeadLetterRecord.of(letter, key, value, original);

        assertThat(record.key()).isSameAs(key);
        assertThat(record.value()).isSameAs(value);
        assertThat(DeadLetter.from(record.headers())).isEqualTo(letter);
        assertThat(record.headers().lastHeader("trace").value()).isEqualTo(bytes("t-1"));
        assertThat(record.headers().headers(DeadLetter.REASON)).hasSize(1);
        assertThat(original.toArray()).hasSize(2);
        assertThat(original.lastHeader(DeadLetter.STAGE)).isNull();

        ProducerRecord<byte[], byte[]> produced = record.toProducerRecord("dead-letters", 42L);
        assertThat(produced.topic()).isEqualTo("dead-letters");
        assertThat(produced.timestamp()).isEqualTo(42L);
        assertThat(produced.partition()).isNull();
        assertThat(DeadLetter.from(produced.headers())).isEqualTo(letter);
        assertThat(DeadLetterRecord.of(letter, null, null, null).headers().toArray()).hasSize(5);
    }

    @Test
    void anUnexpectedErrorIsDescribedByItsKindOnly() {
        assertThat(DeadLetter.unexpectedError("matcher", new IllegalStateException("token abc")))
                .isEqualTo("unexpected error in the matcher: java.lang.IllegalStateException");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
