package io.hookline.dispatcher.interaction;

import static io.hookline.dispatcher.interaction.Clicks.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact bytes Mattermost's server sends to integrations (§2.3, §4.3, §4.5). */
class IntegrationRequestsTest {

    private static final String HEAD = "{\"user_id\":\"" + USER_ID + "\",\"user_name\":\"alice\",\"channel_id\":\""
            + CHANNEL_ID + "\",\"channel_name\":\"ops\",\"team_id\":\"" + TEAM_ID + "\",\"team_domain\":\"acme\","
            + "\"post_id\":\"" + POST_ID + "\",\"trigger_id\":\"TRIGGER\",";

    private static PostActionCookie action(String type, String dataSource, Map<String, Object> context) {
        return new PostActionCookie(type, POST_ID, POST_ID, CHANNEL_ID, dataSource,
                new ActionIntegration("https://x.example/act", context), Map.of(), List.of());
    }

    private static String postAction(String selected, PostActionCookie action) {
        return new String(IntegrationRequests.postAction(cookieClick("a1", selected, "cookie"), action, "TRIGGER"),
                StandardCharsets.UTF_8);
    }

    @Test
    void aButtonSendsItsContextWithSortedKeysAndHtmlSafeStrings() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("poll", 17);
        context.put("choice", "pizza");
        context.put("html", "<b>&");
        context.put("nested", new LinkedHashMap<>(Map.of("z", 1.5, "a", List.of(true))));
        assertThat(postAction("", action("button", "", context))).isEqualTo(HEAD
                + "\"type\":\"button\",\"data_source\":\"\",\"context\":{\"choice\":\"pizza\","
                + "\"html\":\"\\u003cb\\u003e\\u0026\",\"nested\":{\"a\":[true],\"z\":1.5},\"poll\":17}}");
    }

    @Test
    void aSelectWithAChoiceAddsSelectedOptionAndItsDataSource() {
        Map<String, Object> context = new LinkedHashMap<>(Map.of("ticket", "INC-42"));
        assertThat(postAction("u2bc9x8m1qfwz7kt3hd6ye5nra", action("select", "users", context))).isEqualTo(HEAD
                + "\"type\":\"select\",\"data_source\":\"users\",\"context\":{\"selected_option\":"
                + "\"u2bc9x8m1qfwz7kt3hd6ye5nra\",\"ticket\":\"INC-42\"}}");
        assertThat(context).as("the action's own context is not changed").doesNotContainKey("selected_option");
        // a select without context gets one holding only the choice
        assertThat(postAction("opt2", action("select", "", null))).isEqualTo(HEAD
                + "\"type\":\"select\",\"data_source\":\"\",\"context\":{\"selected_option\":\"opt2\"}}");
    }

    @Test
    void aSelectWithoutAChoiceAndAButtonWithOneSendNeither() {
        assertThat(postAction("", action("select", "channels", Map.of("k", "v")))).isEqualTo(HEAD
                + "\"type\":\"select\",\"data_source\":\"\",\"context\":{\"k\":\"v\"}}");
        assertThat(postAction("opt2", action("button", "users", null))).isEqualTo(HEAD
                + "\"type\":\"button\",\"data_source\":\"\"}");
        assertThat(postAction("opt2", action("", "", Map.of()))).as("an empty context is omitted, as Go's omitempty")
                .isEqualTo(HEAD + "\"type\":\"\",\"data_source\":\"\"}");
    }

    @Test
    void aDirectChannelHasNoTeam() {
        InteractionEvent dm = InteractionEvent.postActionWithCookie(EVENT_ID, "a1", "", "c",
                new User(USER_ID, "al\"ice"),
                new Channel(CHANNEL_ID, USER_ID + "__" + ROOT_ID, "", Channel.DIRECT, ""), null);
        assertThat(new String(IntegrationRequests.postAction(dm, action("button", "", null), "T"),
                StandardCharsets.UTF_8)).isEqualTo("{\"user_id\":\"" + USER_ID + "\",\"user_name\":\"al\\\"ice\","
                + "\"channel_id\":\"" + CHANNEL_ID + "\",\"channel_name\":\"" + USER_ID + "__" + ROOT_ID + "\","
                + "\"team_id\":\"\",\"team_domain\":\"\",\"post_id\":\"" + POST_ID + "\",\"trigger_id\":\"T\","
                + "\"type\":\"button\",\"data_source\":\"\"}");
    }

    @Test
    void aContextGoCannotMarshalIsRefused() {
        assertThatThrownBy(() -> postAction("", action("button", "", Map.of("n", Double.POSITIVE_INFINITY))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported value");
    }

    private static final User SPEC_USER = new User("u8wq3x1mftr9ze5kbd7hyo4ncs", "alice");
    private static final Channel SPEC_CHANNEL = new Channel("c4nq7m2kx8g1bhtwpz5r9yjd3e", "ops", "", "O",
            "t1m6k8w3qzr2fx9nb5ej7hyd4s");
    private static final Team SPEC_TEAM = new Team("t1m6k8w3qzr2fx9nb5ej7hyd4s", "acme", "");

    private static String dialog(InteractionEvent e) {
        return new String(IntegrationRequests.dialog(e), StandardCharsets.UTF_8);
    }

    @Test
    void aDialogSubmissionIsTheSpecsPayloadWithoutUrl() {
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("summary", "Disk full on db-3");
        submission.put("assignee", "u2bc9x8m1qfwz7kt3hd6ye5nra");
        submission.put("urgent", true);
        InteractionEvent e = InteractionEvent.dialogSubmission(EVENT_ID, "https://tickets.example.com/dialog/submit",
                "new-ticket", "{\"src\":\"INC-42\"}", submission, false, "", SPEC_USER, SPEC_CHANNEL, SPEC_TEAM);
        assertThat(dialog(e)).isEqualTo("{\"type\":\"dialog_submission\",\"callback_id\":\"new-ticket\","
                + "\"state\":\"{\\\"src\\\":\\\"INC-42\\\"}\",\"user_id\":\"u8wq3x1mftr9ze5kbd7hyo4ncs\","
                + "\"channel_id\":\"c4nq7m2kx8g1bhtwpz5r9yjd3e\",\"team_id\":\"t1m6k8w3qzr2fx9nb5ej7hyd4s\","
                + "\"submission\":{\"assignee\":\"u2bc9x8m1qfwz7kt3hd6ye5nra\",\"summary\":\"Disk full on db-3\","
                + "\"urgent\":true},\"cancelled\":false}");
    }

    @Test
    void aCancellationIsADialogSubmissionWithCancelledTrue() {
        InteractionEvent e = InteractionEvent.dialogSubmission(EVENT_ID, "https://x.example/", "new-ticket", "s",
                Map.of(), true, "", SPEC_USER, SPEC_CHANNEL, SPEC_TEAM);
        assertThat(dialog(e)).isEqualTo("{\"type\":\"dialog_submission\",\"callback_id\":\"new-ticket\","
                + "\"state\":\"s\",\"user_id\":\"u8wq3x1mftr9ze5kbd7hyo4ncs\","
                + "\"channel_id\":\"c4nq7m2kx8g1bhtwpz5r9yjd3e\",\"team_id\":\"t1m6k8w3qzr2fx9nb5ej7hyd4s\","
                + "\"submission\":{},\"cancelled\":true}");
    }

    @Test
    void aRefreshKeepsItsTypeAndAnyOtherSubmissionTypeIsForced() {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("selected_field", "sev", "sev", "high"));
        InteractionEvent refresh = InteractionEvent.dialogSubmission(EVENT_ID, "https://x.example/src", "cb", "",
                values, false, "refresh", SPEC_USER, SPEC_CHANNEL, null);
        assertThat(dialog(refresh)).isEqualTo("{\"type\":\"refresh\",\"callback_id\":\"cb\",\"state\":\"\","
                + "\"user_id\":\"u8wq3x1mftr9ze5kbd7hyo4ncs\",\"channel_id\":\"c4nq7m2kx8g1bhtwpz5r9yjd3e\","
                + "\"team_id\":\"\",\"submission\":{\"selected_field\":\"sev\",\"sev\":\"high\"},\"cancelled\":false}");
        InteractionEvent other = InteractionEvent.dialogSubmission(EVENT_ID, "https://x.example/", "cb", "", null,
                false, "dialog_cancellation", SPEC_USER, SPEC_CHANNEL, SPEC_TEAM);
        assertThat(dialog(other)).as("a nil submission is written as Go writes a nil map")
                .startsWith("{\"type\":\"dialog_submission\",").endsWith("\"submission\":null,\"cancelled\":false}");
    }

    @Test
    void aLookupIsTypedDialogLookup() {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("query", "db", "selected_field", "host"));
        InteractionEvent lookup = InteractionEvent.dialogLookup(EVENT_ID, "https://x.example/hosts", "cb", "st",
                values, SPEC_USER, SPEC_CHANNEL, SPEC_TEAM);
        assertThat(dialog(lookup)).isEqualTo("{\"type\":\"dialog_lookup\",\"callback_id\":\"cb\",\"state\":\"st\","
                + "\"user_id\":\"u8wq3x1mftr9ze5kbd7hyo4ncs\",\"channel_id\":\"c4nq7m2kx8g1bhtwpz5r9yjd3e\","
                + "\"team_id\":\"t1m6k8w3qzr2fx9nb5ej7hyd4s\",\"submission\":{\"query\":\"db\","
                + "\"selected_field\":\"host\"},\"cancelled\":false}");
    }
}
