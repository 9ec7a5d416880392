package io.hookline.cli.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** list and get show each hook with its status; a rejected one only as id and reason; never a secret. */
class HookOutputTest {

    private static final String SECRET = "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";
    private static final OutgoingWebhook HOOK = new OutgoingWebhook("hook00000000000000000000001",
            "token0000000000000000000001", 100, 200, 0, "user00000000000000000000001", "chan00000000000000000000001",
            "team00000000000000000000001", List.of("ping"), 0, List.of("https://a.example/h"), "A", "", "", "", "",
            SECRET);
    private static final HookState.Rejected REJECTED = new HookState.Rejected("hook00000000000000000000002",
            "invalid hook hook00000000000000000000002: callback_urls: at least one callback URL is required",
            Optional.of(HOOK.withId("hook00000000000000000000002").withCallbackUrls(List.of())));

    private static String print(HookOutput output, List<HookState> hooks) throws Exception {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            output.printAll(writer, hooks);
        }
        return out.toString();
    }

    @Test
    void theTableHasAStatusColumnAndARejectedRowGivesTheReason() throws Exception {
        List<String> lines = print(HookOutput.table, List.of(new HookState.Live(HOOK), REJECTED)).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("ID\\s+STATUS\\s+TEAM\\s+CHANNEL\\s+WHEN\\s+TRIGGER WORDS\\s+"
                + "CALLBACK URLS / REASON");
        assertThat(lines.get(1)).matches(HOOK.id() + "\\s+live\\s+" + HOOK.teamId() + "\\s+" + HOOK.channelId()
                + "\\s+exact\\s+ping\\s+https://a.example/h");
        assertThat(lines.get(2)).isEqualTo(REJECTED.hookId() + "  rejected  " + REJECTED.reason());
    }

    @Test
    void callbackUrlPasswordsAreMaskedInTheTableAndTheJson() throws Exception {
        OutgoingWebhook hook = HOOK.withCallbackUrls(List.of("https://relay:hunter2@a.example/h"));
        String table = print(HookOutput.table, List.of(new HookState.Live(hook)));
        assertThat(table).contains("https://relay:****@a.example/h").doesNotContain("hunter2");
        String json = print(HookOutput.json, List.of(new HookState.Live(hook)));
        assertThat(json).contains("https://relay:****@a.example/h").doesNotContain("hunter2");
    }

    @Test
    void jsonCarriesTheStatusAndARejectedHookOnlyItsIdAndReason() throws Exception {
        String out = print(HookOutput.json, List.of(new HookState.Live(HOOK), REJECTED));
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode live = Json.mapper().readTree(lines.get(0));
        assertThat(live.get("status").asText()).isEqualTo("live");
        assertThat(Json.mapper().treeToValue(live, OutgoingWebhook.class)).isEqualTo(HOOK.masked());
        JsonNode rejected = Json.mapper().readTree(lines.get(1));
        assertThat(rejected).isEqualTo(Json.mapper().createObjectNode().put("id", REJECTED.hookId())
                .put("status", "rejected").put("rejected_reason", REJECTED.reason()));
        assertThat(out).doesNotContain(HOOK.token()).doesNotContain(SECRET.substring(6));
    }
}
