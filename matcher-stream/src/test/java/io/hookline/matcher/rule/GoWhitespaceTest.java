package io.hookline.matcher.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GoWhitespaceTest {

    /** Every code point for which Go's unicode.IsSpace is true (Go 1.22, Unicode 15). */
    static final int[] GO_SPACES = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002,
            0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};

    @Test
    void theSpaceSetIsExactlyGos() {
        int[] spaces = IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(GoWhitespace::isSpace).toArray();
        assertThat(spaces).containsExactly(GO_SPACES);
    }

    @Test
    void everyGoSpaceSeparatesTheFirstWord() {
        for (int space : GO_SPACES) {
            String message = "deploy" + Character.toString(space) + "now";
            assertThat(GoWhitespace.firstWord(message)).as("U+%04X", space).isEqualTo("deploy");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x180E, 0xFEFF, 0x1C, 0x1D, 0x1E, 0x1F, 0x00, 0x2060})
    void zeroWidthAndControlCharactersAreNotSpaces(int codePoint) {
        String message = "deploy" + Character.toString(codePoint) + "now";
        assertThat(GoWhitespace.firstWord(message)).isEqualTo(message);
    }

    @Test
    void leadingSpacesOfAnyKindAreSkipped() {
        assertThat(GoWhitespace.firstWord(" \t\n\u00A0\u3000bug login fails")).isEqualTo("bug");
        assertThat(GoWhitespace.firstWord("\r\nbug")).isEqualTo("bug");
    }

    @Test
    void emptyAndBlankMessagesHaveAnEmptyFirstWord() {
        assertThat(GoWhitespace.firstWord("")).isEmpty();
        assertThat(GoWhitespace.firstWord(" \u2028\u00A0\t")).isEmpty();
    }

    @Test
    void supplementaryCharactersStayWhole() {
        assertThat(GoWhitespace.firstWord("\uD83D\uDE80launch\u2003now")).isEqualTo("\uD83D\uDE80launch");
        assertThat(GoWhitespace.firstWord("bug")).isEqualTo("bug");
    }
}
