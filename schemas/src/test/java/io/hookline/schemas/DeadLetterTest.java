package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.deadletter.DeadLetter;
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
    void headersWithoutDescriptionReadAsNull() {
        assertThat(DeadLetter.from(new RecordHeaders())).isNull();
    }

    @Test
    void longReasonsAreCut() {
        DeadLetter d = new DeadLetter("ingestor", "x".repeat(10_000), "t", 0, 0);
        assertThat(d.reason()).hasSize(DeadLetter.MAX_REASON_CHARS + 3);
    }
}
