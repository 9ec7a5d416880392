package io.hookline.cli.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class GracePeriodTest {

    @Test
    void acceptsAWholeNumberWithAUnitAndZero() {
        assertThat(GracePeriod.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(GracePeriod.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(GracePeriod.parse(" 24H ")).isEqualTo(Duration.ofHours(24));
        assertThat(GracePeriod.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(GracePeriod.parse("0")).isZero();
        assertThat(GracePeriod.parse("0s")).isZero();
        assertThat(GracePeriod.parse(GracePeriod.DEFAULT)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void refusesOtherFormsAndMoreThanAMonthSayingWhatIsAccepted() {
        for (String bad : new String[] {"", "-1h", "1.5h", "1w", "PT24H", "h"}) {
            assertThatThrownBy(() -> GracePeriod.parse(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("'" + bad + "' is not a duration like 250ms, 5s, 30m, 24h or 7d");
        }
        assertThatThrownBy(() -> GracePeriod.parse("24")).hasMessageContaining("'24' has no unit: write 24h");
        assertThatThrownBy(() -> GracePeriod.parse("31d")).hasMessageContaining("longer than the 30 days");
        assertThatThrownBy(() -> GracePeriod.parse("2400h")).hasMessageContaining("longer than the 30 days");
    }
}
