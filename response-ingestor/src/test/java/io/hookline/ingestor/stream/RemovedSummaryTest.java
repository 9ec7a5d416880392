package io.hookline.ingestor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemovedSummaryTest {

    @Test
    void notesAreOnePerLine() {
        assertThat(ResponseProcessor.summary(List.of("a", "b"))).isEqualTo("a\nb");
        assertThat(ResponseProcessor.summary(List.of())).isEmpty();
    }

    @Test
    void manyNotesAreCutWithACount() {
        List<String> notes = Collections.nCopies(1000, "attachments[0].image_url is not an http(s) URL");
        String summary = ResponseProcessor.summary(notes);
        assertThat(summary.length()).isLessThanOrEqualTo(ResponseProcessor.MAX_REMOVED_CHARS + 20);
        assertThat(summary).endsWith(" more").contains("... and ");
    }
}
