package io.hookline.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void ofTotalShowsCountAndPercentAndAnEmptyTotalIsDone() {
        assertThat(Progress.ofTotal(12, 40)).isEqualTo("12 of 40 (30%)");
        assertThat(Progress.ofTotal(40, 40)).isEqualTo("40 of 40 (100%)");
        assertThat(Progress.ofTotal(0, 0)).isEqualTo("0 of 0 (100%)");
    }

    @Test
    void reportsTheCurrentStateUntilClosedAndNothingAfter() throws Exception {
        StringWriter notes = new StringWriter();
        AtomicInteger done = new AtomicInteger();
        PrintWriter writer = new PrintWriter(notes, true);
        try (Progress progress = Progress.start(writer, () -> "replayed " + done.incrementAndGet(), Duration.ZERO,
                Duration.ofMillis(5))) {
            Await.until(() -> notes.toString().lines().count() >= 2, Duration.ofSeconds(30),
                    () -> "two progress lines, got: " + notes);
        }
        String atClose = notes.toString();
        assertThat(atClose.lines().toList()).startsWith("replayed 1", "replayed 2");
        Thread.sleep(50); // ten reporting periods: a reporter still running after close would have written by now
        assertThat(notes.toString()).as("nothing after close").isEqualTo(atClose);
    }
}
