package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.List;
import org.junit.jupiter.api.Test;

class HooksApiTest {

    @Test
    void aMaskedUrlSentBackUnchangedKeepsItsPasswordAndANewOneIsTakenAsGiven() {
        OutgoingWebhook hook = new OutgoingWebhook("hook00000000000000000000001", "token0000000000000000000001", 1,
                1, 0, "pongbot0000000000000000001", "townsquare0000000000000001", "engineering000000000000001",
                List.of("ping"), 0, List.of("https://bot:s3cret@example.com/hook", "http://127.0.0.1:8065/hook"),
                "Pong", "", "application/json", "", "", null);
        String masked = hook.masked().callbackUrls().get(0);
        assertThat(masked).doesNotContain("s3cret");
        assertThat(HooksApi.unmasked(List.of(masked, "http://127.0.0.1:8065/other"), hook))
                .containsExactly("https://bot:s3cret@example.com/hook", "http://127.0.0.1:8065/other");
        assertThat(HooksApi.unmasked(List.of("https://bot:new@example.com/hook"), hook))
                .containsExactly("https://bot:new@example.com/hook");
        assertThat(HooksApi.unmasked(null, hook)).isNull();
    }
}
