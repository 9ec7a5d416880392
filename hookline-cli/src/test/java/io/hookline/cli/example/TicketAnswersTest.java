package io.hookline.cli.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketAnswersTest {

    private static final String BASE = "http://127.0.0.1:8067";
    private final ObjectMapper json = new ObjectMapper();
    private final TicketAnswers answers = new TicketAnswers(BASE);

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }

    /** A click as Mattermost sends it (PostActionIntegrationRequest) on an action the hook answer made. */
    private JsonNode click(JsonNode action, String selectedOption) {
        ObjectNode click = json.createObjectNode();
        click.put("user_id", "bob00000000000000000000001").put("user_name", "bob")
                .put("channel_id", "townsquare0000000000000001").put("channel_name", "town-square")
                .put("team_id", "engineering000000000000001").put("team_domain", "engineering")
                .put("post_id", "post0000000000000000000001").put("trigger_id", "signed-trigger-id")
                .put("type", action.get("type").asText()).put("data_source", "");
        ObjectNode context = action.get("integration").get("context").deepCopy();
        if (selectedOption != null) {
            context.put("selected_option", selectedOption);
        }
        click.set("context", context);
        return click;
    }

    private JsonNode hookAnswer() throws Exception {
        return answers.hookAnswer(read("{\"text\":\"ticket db-3 disk is full\",\"user_name\":\"alice\","
                + "\"trigger_word\":\"ticket\",\"token\":\"t\"}"));
    }

    private static JsonNode action(JsonNode post, String name) {
        for (JsonNode a : post.at("/attachments/0/actions")) {
            if (a.get("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no action " + name + " in " + post);
    }

    @Test
    void theHookAnswerHasAButtonAndAStaticMenuPointingBackToTheIntegration() throws Exception {
        JsonNode answer = hookAnswer();
        assertThat(answer.get("text").asText()).isEqualTo("Ticket request from @alice: ticket db-3 disk is full");
        JsonNode actions = answer.at("/attachments/0/actions");
        assertThat(actions).hasSize(2);
        JsonNode button = action(answer, "Create ticket");
        assertThat(button.get("type").asText()).isEqualTo("button");
        assertThat(button.at("/integration/url").asText()).isEqualTo(BASE + "/actions/create");
        assertThat(button.at("/integration/context/action").asText()).isEqualTo("create");
        JsonNode menu = action(answer, "Priority");
        assertThat(menu.get("type").asText()).isEqualTo("select");
        assertThat(menu.has("data_source")).isFalse();
        List<String> values = new ArrayList<>();
        menu.get("options").forEach(o -> values.add(o.get("value").asText()));
        assertThat(values).containsExactly("low", "normal", "high");
        assertThat(menu.at("/integration/url").asText()).isEqualTo(BASE + "/actions/priority");
        // every action id is clickable in Mattermost only when it is alphanumeric
        actions.forEach(a -> assertThat(a.get("id").asText()).matches("[A-Za-z0-9]+"));
    }

    @Test
    void theCreateClickUpdatesThePostKeepingItsActionsAndAnswersTheClicker() throws Exception {
        JsonNode post = hookAnswer();
        JsonNode answer = answers.createAnswer(click(action(post, "Create ticket"), null));
        assertThat(answer.at("/update/message").asText())
                .isEqualTo("Ticket request from @alice: ticket db-3 disk is full — ticket form opened by @bob");
        assertThat(answer.at("/update/props/attachments")).isEqualTo(post.get("attachments"));
        assertThat(answer.get("ephemeral_text").asText()).isEqualTo("Fill in the form to create the ticket.");
        assertThat(answer.has("skip_slack_parsing")).isFalse();
    }

    @Test
    void aPriorityChoiceIsShownInTheUpdateAndPreselectedInTheMenu() throws Exception {
        JsonNode post = hookAnswer();
        JsonNode answer = answers.priorityAnswer(click(action(post, "Priority"), "high"));
        assertThat(answer.at("/update/message").asText())
                .isEqualTo("Ticket request from @alice: ticket db-3 disk is full — priority: high");
        assertThat(answer.get("ephemeral_text").asText()).isEqualTo("Priority set to high.");
        JsonNode menu = action(answer.at("/update/props"), "Priority");
        assertThat(menu.get("default_option").asText()).isEqualTo("high");
        // a second click still knows the original message: it is in the context, not in the (changed) post
        JsonNode again = answers.createAnswer(click(action(answer.at("/update/props"), "Create ticket"), null));
        assertThat(again.at("/update/message").asText())
                .isEqualTo("Ticket request from @alice: ticket db-3 disk is full — ticket form opened by @bob");
    }

    @Test
    void theDialogIsOpenedWithTheClicksTriggerIdAndRemembersWhereTheClickWas() throws Exception {
        JsonNode request = answers.ticketDialog(click(action(hookAnswer(), "Create ticket"), null));
        assertThat(request.get("trigger_id").asText()).isEqualTo("signed-trigger-id");
        assertThat(request.get("url").asText()).isEqualTo(BASE + "/dialogs/ticket");
        JsonNode dialog = request.get("dialog");
        assertThat(dialog.get("callback_id").asText()).isEqualTo("ticket");
        assertThat(dialog.get("title").asText()).isEqualTo("Create ticket");
        assertThat(dialog.get("submit_label").asText()).isEqualTo("Create");
        assertThat(dialog.get("notify_on_cancel").asBoolean()).isTrue();
        assertThat(read(dialog.get("state").asText())).isEqualTo(read(
                "{\"channel_id\":\"townsquare0000000000000001\",\"post_id\":\"post0000000000000000000001\"}"));
        List<String> names = new ArrayList<>();
        dialog.get("elements").forEach(e -> names.add(e.get("name").asText() + ":" + e.get("type").asText()));
        assertThat(names).containsExactly("summary:text", "priority:radio", "assignee:select", "notes:textarea",
                "urgent:bool");
        JsonNode summary = dialog.at("/elements/0");
        assertThat(summary.get("min_length").asInt()).isEqualTo(10);
        assertThat(summary.get("max_length").asInt()).isEqualTo(120);
        assertThat(summary.has("placeholder") && summary.has("help_text")).isTrue();
        assertThat(summary.has("optional")).isFalse();
        assertThat(dialog.at("/elements/1/default").asText()).isEqualTo("normal");
        assertThat(dialog.at("/elements/2/data_source").asText()).isEqualTo("users");
        assertThat(dialog.at("/elements/2/optional").asBoolean()).isTrue();
        assertThat(dialog.at("/elements/3/optional").asBoolean()).isTrue();
    }

    private JsonNode submission(String values, boolean cancelled) throws Exception {
        return read("{\"type\":\"dialog_submission\",\"callback_id\":\"ticket\","
                + "\"state\":\"{\\\"channel_id\\\":\\\"townsquare0000000000000001\\\","
                + "\\\"post_id\\\":\\\"post0000000000000000000001\\\"}\",\"user_id\":\"bob00000000000000000000001\","
                + "\"channel_id\":\"townsquare0000000000000001\",\"team_id\":\"engineering000000000000001\","
                + "\"submission\":" + values + ",\"cancelled\":" + cancelled + "}");
    }

    @Test
    void aCancelIsAnsweredWithAnEmptyObjectAndCreatesNothing() throws Exception {
        TicketAnswers.Submitted s = answers.submission(submission("{}", true));
        assertThat(s.answer().toString()).isEqualTo("{}");
        assertThat(s.ticket()).isNull();
    }

    @Test
    void aShortSummaryKeepsTheDialogOpenWithAnErrorUnderTheField() throws Exception {
        TicketAnswers.Submitted s = answers.submission(submission("{\"summary\":\" disk     \",\"urgent\":false}",
                false));
        assertThat(s.answer().toString())
                .isEqualTo("{\"errors\":{\"summary\":\"Tell us a little more: at least 10 characters.\"}}");
        assertThat(s.ticket()).isNull();
        // characters as Mattermost counts them (runes), not UTF-16 units: six emoji are 12 units but 6 characters
        assertThat(answers.submission(submission("{\"summary\":\"" + "\uD83D\uDD25".repeat(6) + "\"}", false))
                .ticket()).isNull();
        assertThat(answers.submission(submission("{\"summary\":\"" + "\uD83D\uDD25".repeat(10) + "\"}", false))
                .ticket()).isNotNull();
    }

    @Test
    void aValidSubmissionClosesTheDialogAndCreatesTheTicket() throws Exception {
        TicketAnswers.Submitted s = answers.submission(submission("{\"summary\":\"Disk full on db-3\","
                + "\"priority\":\"high\",\"assignee\":\"carol0000000000000000000001\",\"urgent\":true}", false));
        assertThat(s.answer().toString()).isEqualTo("{}");
        assertThat(s.ticket().toString()).isEqualTo("{\"summary\":\"Disk full on db-3\",\"priority\":\"high\","
                + "\"assignee\":\"carol0000000000000000000001\",\"notes\":\"\",\"urgent\":true,"
                + "\"reported_by\":\"bob00000000000000000000001\",\"channel_id\":\"townsquare0000000000000001\","
                + "\"post_id\":\"post0000000000000000000001\"}");
    }

    @Test
    void printedRequestsShortenTriggerIdsAndMaskTokens() throws Exception {
        String trigger = "x".repeat(200);
        String line = RequestLines.of("POST", "/actions/create",
                read("{\"user_name\":\"bob\",\"trigger_id\":\"" + trigger + "\",\"token\":\"secret\"}"));
        assertThat(line).isEqualTo("POST /actions/create {\"user_name\":\"bob\",\"trigger_id\":\"xxxxxxxx…(200 "
                + "chars)\",\"token\":\"****\"}");
        assertThat(RequestLines.shortTriggerId("short")).isEqualTo("short");
    }
}
