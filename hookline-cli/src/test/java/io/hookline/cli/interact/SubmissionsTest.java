package io.hookline.cli.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.CliFailure;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.ActionResponse;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmissionsTest {

    private static final String BOB = "bob00000000000000000000001";

    static PostCommand openDialog(boolean notifyOnCancel) throws Exception {
        JsonNode request = Json.mapper().readTree("{\"trigger_id\":\"clienttrigger0000000000001\","
                + "\"url\":\"http://127.0.0.1:8067/dialogs/ticket\",\"dialog\":{\"callback_id\":\"ticket\","
                + "\"title\":\"Create ticket\",\"elements\":["
                + "{\"name\":\"summary\",\"type\":\"text\",\"default\":\"\"},"
                + "{\"name\":\"priority\",\"type\":\"radio\",\"default\":\"normal\",\"options\":[{\"text\":\"Low\","
                + "\"value\":\"low\"},{\"text\":\"Normal\",\"value\":\"normal\"},{\"text\":\"High\",\"value\":\"high\"}]},"
                + "{\"name\":\"assignee\",\"type\":\"select\",\"data_source\":\"users\",\"default\":\"\"},"
                + "{\"name\":\"labels\",\"type\":\"select\",\"multiselect\":true,\"options\":[{\"text\":\"A\","
                + "\"value\":\"a\"},{\"text\":\"B\",\"value\":\"b\"}]},"
                + "{\"name\":\"urgent\",\"type\":\"bool\",\"default\":\"false\"},"
                + "{\"name\":\"notes\",\"type\":\"textarea\"}],"
                + "\"submit_label\":\"Create\",\"notify_on_cancel\":" + notifyOnCancel + ","
                + "\"state\":\"{\\\"post_id\\\":\\\"p\\\"}\"}}");
        return PostCommand.openDialog("opendialog0000000000000001", "", BOB, request);
    }

    @Test
    void valuesAreTypedAsMattermostsClientSendsThem() throws Exception {
        Map<String, Object> values = Submissions.values(openDialog(true).dialog(), List.of(
                "summary=Disk full on db-3 = bad", "urgent=true", "assignee=carol0000000000000000000001",
                "labels=a, b"));
        // defaults of fields not given are sent; fields without a value or default are left out
        assertThat(Json.mapper().writeValueAsString(values)).isEqualTo("{\"summary\":\"Disk full on db-3 = bad\","
                + "\"priority\":\"normal\",\"assignee\":\"carol0000000000000000000001\",\"labels\":[\"a\",\"b\"],"
                + "\"urgent\":true}");
        assertThat(Submissions.values(openDialog(true).dialog(), List.of("notes=")))
                .containsEntry("notes", "").containsEntry("urgent", false);
    }

    @Test
    void badFieldsAreClearErrors() throws Exception {
        JsonNode dialog = openDialog(true).dialog();
        assertThatThrownBy(() -> Submissions.values(dialog, List.of("title=x"))).isInstanceOf(CliFailure.class)
                .hasMessage("--field title: the dialog has no such field; its fields: summary, priority, assignee, "
                        + "labels, urgent, notes");
        assertThatThrownBy(() -> Submissions.values(dialog, List.of("urgent=yes")))
                .hasMessage("--field urgent: a bool field takes true or false, got 'yes'");
        assertThatThrownBy(() -> Submissions.values(dialog, List.of("priority=urgent")))
                .hasMessage("--field priority: no option 'urgent'; its options: low, normal, high");
        assertThatThrownBy(() -> Submissions.values(dialog, List.of("summary")))
                .hasMessage("--field: expected NAME=VALUE, got 'summary'");
        assertThatThrownBy(() -> Submissions.values(dialog, List.of("summary=a", "summary=b")))
                .hasMessage("--field summary is given twice");
    }

    @Test
    void theDialogIsFoundByItsCommandIdOnly() throws Exception {
        LoggedCommand open = new LoggedCommand(openDialog(true), 1);
        assertThat(Submissions.openDialog("opendialog0000000000000001", List.of(open))).isSameAs(open.command());
        assertThatThrownBy(() -> Submissions.openDialog("nope", List.of(open)))
                .hasMessage("no open_dialog command with id nope on post-commands (1 commands read); "
                        + "`hookline tail post-commands` lists them");
        assertThat(Submissions.openDialog("last", List.of(open))).isSameAs(open.command());
        assertThat(Submissions.hint(open.command())).isEqualTo("dialog \"Create ticket\" opened for user " + BOB
                + " with fields summary (text), priority (radio), assignee (select), labels (select), urgent (bool), "
                + "notes (textarea): submit it with `hookline interact submit --dialog opendialog0000000000000001 "
                + "--field NAME=VALUE ...`, or cancel it with `--cancel`");
        LoggedCommand result = new LoggedCommand(PostCommand.dialogResult("res", "i", BOB, null, null), 1);
        assertThatThrownBy(() -> Submissions.openDialog("res", List.of(result)))
                .hasMessageContaining("is a dialog_result, not an open_dialog");
    }

    @Test
    void theClickThatOpenedTheDialogIsTheOneWhoseResultGaveItsTriggerId() throws Exception {
        PostCommand open = openDialog(true);
        List<LoggedCommand> log = List.of(
                new LoggedCommand(PostCommand.actionResult("r1", "click1", BOB, ActionResponse.ok("other"), null), 1),
                new LoggedCommand(PostCommand.actionResult("r2", "click2", BOB,
                        ActionResponse.ok("clienttrigger0000000000001"), null), 2),
                new LoggedCommand(open, 3));
        assertThat(Submissions.openingInteraction(open, log)).isEqualTo("click2");
        assertThat(Submissions.openingInteraction(open, log.subList(0, 1))).isNull();
    }

    @Test
    void theEventCarriesTheDialogsUrlCallbackAndStateAndACancelSendsNoValues() throws Exception {
        User bob = new User(BOB, "bob");
        Channel channel = new Channel("townsquare0000000000000001", "town-square", "", "O", "team");
        Team team = new Team("team", "engineering", "");
        PostCommand open = openDialog(true);
        InteractionEvent e = Submissions.event("event", open, Map.of("summary", "x"), false, bob, channel, team);
        assertThat(e.type()).isEqualTo(InteractionEvent.DIALOG_SUBMISSION);
        assertThat(e.url()).isEqualTo("http://127.0.0.1:8067/dialogs/ticket");
        assertThat(e.callbackId()).isEqualTo("ticket");
        assertThat(e.state()).isEqualTo("{\"post_id\":\"p\"}");
        assertThat(e.submission()).isEqualTo(Map.of("summary", "x"));
        assertThat(e.cancelled()).isFalse();
        assertThat(e.submissionType()).isEmpty();
        InteractionEvent cancel = Submissions.event("event", open, Map.of("summary", "x"), true, bob, channel, team);
        assertThat(cancel.cancelled()).isTrue();
        assertThat(cancel.submission()).isEmpty();
        assertThat(Submissions.notifiesOnCancel(open)).isTrue();
        assertThat(Submissions.notifiesOnCancel(openDialog(false))).isFalse();
    }
}
