package io.hookline.ingestor.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Mattermost's {@code ParseHashtags}, case by case. */
class HashtagsTest {

    @Test
    void wordsThatAreHashtagsAreKeptInOrder() {
        assertThat(Hashtags.of("Deploy #prod now, then #staging")).isEqualTo("#prod #staging");
        assertThat(Hashtags.of("no tags here")).isEmpty();
        assertThat(Hashtags.of("")).isEmpty();
    }

    @Test
    void surroundingPunctuationIsTrimmedAndRepeatedHashesBecomeOne() {
        assertThat(Hashtags.of("(#release-1.2), ##double #end. #tag# \"#quoted\"")).isEqualTo(
                "#release-1.2 #double #end #tag #quoted");
    }

    @Test
    void aHashtagStartsWithALetterAndEndsWithALetterOrDigit() {
        assertThat(Hashtags.of("#1abc #a #ab #a- #café #über_cool #x9")).isEqualTo("#ab #a #café #über_cool #x9"
                .replace("#a ", ""));
    }

    @Test
    void goSpacesSeparateWords() {
        assertThat(Hashtags.of("#one\u00a0#two\u2003#three\n#four")).isEqualTo("#one #two #three #four");
        assertThat(Hashtags.of("#one\u200b#two")).as("a zero-width space is not a space in Go").isEmpty();
    }

    @Test
    void theResultIsCutAtAWordWithin1000Bytes() {
        StringBuilder message = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            message.append("#tag").append(1000 + i).append(' ');
        }
        String tags = Hashtags.of(message.toString());
        assertThat(tags.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(999);
        // " #tagNNNN" is 9 bytes: the first 999 bytes hold 111 whole tags, and Go cuts at the last space in them,
        // dropping the 111th although it fits
        assertThat(tags).startsWith("#tag1000 #tag1001").endsWith("#tag1109");
    }
}
