package io.hookline.cli.deadletters;

import io.hookline.schemas.deadletter.DeadLetter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dead letters that earlier versions of the dispatcher wrote for a failed delivery: their value is the trigger
 * without its token and signing secrets, so replaying it would send an unsigned request without a token. They are
 * recognised by stage and reason ({@code delivery <id> failed: ...}).
 */
final class FailedDeliveryLetters {

    private static final Pattern REASON = Pattern.compile("delivery (\\S+) .*", Pattern.DOTALL);

    private FailedDeliveryLetters() {
    }

    /** The failed delivery's id when {@code letter} records one, else null. */
    static String deliveryIdOf(DeadLetter letter) {
        if (letter == null || !"dispatcher".equals(letter.stage()) || letter.reason() == null) {
            return null;
        }
        Matcher m = REASON.matcher(letter.reason());
        return m.matches() ? m.group(1) : null;
    }
}
