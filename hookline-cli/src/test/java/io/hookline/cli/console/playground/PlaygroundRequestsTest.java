package io.hookline.cli.console.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.cli.console.ApiException;
import io.hookline.cli.post.PostEvents;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaygroundRequestsTest {

    static final String TOWN = ChannelModelTest.TOWN;
    static final String BOB = ChannelModelTest.BOB;

    static ObjectNode seat(String user, String username) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("user_id", user).put("username", username).put("channel_id", TOWN).put("channel_name", "town-square")
                .put("team_id", ChannelModelTest.TEAM).put("team_name", "engineering");
        return body;
    }

    static ApiException failure(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    @Test
    void aPostIsMadeAsHooklinePostMakesItAndItsProblemsAreShownAtTheirFields() {
        PostEvents events = new PostEvents(() -> "newpost0000000000000000001", () -> 1_764_000_000_000L);
        ObjectNode body = seat(BOB, "bob").put("message", "ticket disk full").put("root_id", "");
        PostEvent event = PlaygroundRequests.post(body, events);
        assertThat(event.post().id()).isEqualTo("newpost0000000000000000001");
        assertThat(event.post().message()).isEqualTo("ticket disk full");
        assertThat(event.post().createAt()).isEqualTo(1_764_000_000_000L);
        assertThat(event.channel().name()).isEqualTo("town-square");
        assertThat(event.channel().type()).isEqualTo("O");
        assertThat(event.team().name()).isEqualTo("engineering");
        assertThat(event.user().username()).isEqualTo("bob");

        ObjectNode bad = seat("bob", "bob").put("channel_id", "x y").put("message", " ").put("root_id", "nope");
        ApiException e = failure(() -> PlaygroundRequests.post(bad, events));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.errors()).extracting(ApiException.FieldError::field)
                .containsExactlyInAnyOrder("channel_id", "user_id", "root_id", "message");
        // the CLI's own message, moved from its option to the field
        assertThat(e.errors()).filteredOn(f -> f.field().equals("user_id")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("must be 26 bytes").endsWith("got 'bob'"));

        ObjectNode wrongType = seat(BOB, "bob");
        wrongType.put("message", 42);
        assertThat(failure(() -> PlaygroundRequests.post(wrongType, events)).field()).isEqualTo("message");
    }

    static ChannelModel withButtonPost() throws Exception {
        ChannelModel model = new ChannelModel();
        model.apply(ChannelModelTest.created("cmd00000000000000000000001", TOWN, "", "Ticket?",
                ChannelModelTest.json("{\"from_webhook\":\"true\",\"attachments\":[{\"actions\":["
                        + "{\"id\":\"createticket\",\"type\":\"button\",\"name\":\"Create ticket\","
                        + "\"integration\":{\"url\":\"http://127.0.0.1:9/act\"}},"
                        + "{\"id\":\"priority\",\"type\":\"select\",\"name\":\"Priority\",\"options\":["
                        + "{\"text\":\"Low\",\"value\":\"low\"},{\"text\":\"High\",\"value\":\"high\"}],"
                        + "\"integration\":{\"url\":\"http://127.0.0.1:9/pri\"}}]}]}")), 1_000);
        return model;
    }

    @Test
    void aClickIsThePostActionOfTheStoredPostWithItsIntegration() throws Exception {
        ChannelModel model = withButtonPost();
        ObjectNode body = seat(BOB, "bob").put("post_id", "cmd00000000000000000000001")
                .put("action_id", "createticket");
        InteractionEvent click = PlaygroundRequests.click("event0000000000000000000001", body, model);
        assertThat(click.isPostAction()).isTrue();
        assertThat(click.actionId()).isEqualTo("createticket");
        assertThat(click.selectedOption()).isEmpty();
        assertThat(click.post()).containsEntry("id", "cmd00000000000000000000001");
        assertThat(Json.mapper().writeValueAsString(click.post())).contains("http://127.0.0.1:9/act");
        assertThat(click.user().username()).isEqualTo("bob");
        assertThat(click.channel().name()).isEqualTo("town-square");
        assertThat(click.team().name()).isEqualTo("engineering");

        ObjectNode menu = seat(BOB, "bob").put("post_id", "cmd00000000000000000000001").put("action_id", "priority")
                .put("selected_option", "high");
        assertThat(PlaygroundRequests.click("event0000000000000000000002", menu, model).selectedOption())
                .isEqualTo("high");
        menu.put("selected_option", "urgent");
        ApiException noOption = failure(() -> PlaygroundRequests.click("e", menu, model));
        assertThat(noOption.field()).isEqualTo("selected_option");
        assertThat(noOption.getMessage()).contains("no option 'urgent'").contains("low, high");

        ObjectNode unknown = seat(BOB, "bob").put("post_id", "nosuch00000000000000000001").put("action_id", "x");
        assertThat(failure(() -> PlaygroundRequests.click("e", unknown, model)).status()).isEqualTo(404);
        ObjectNode noAction = seat(BOB, "bob").put("post_id", "cmd00000000000000000000001").put("action_id", "gone");
        assertThat(failure(() -> PlaygroundRequests.click("e", noAction, model)).getMessage())
                .contains("no action with id 'gone'");
        ObjectNode elsewhere = seat(BOB, "bob").put("post_id", "cmd00000000000000000000001")
                .put("action_id", "createticket").put("channel_id", ChannelModelTest.OFFTOPIC);
        assertThat(failure(() -> PlaygroundRequests.click("e", elsewhere, model)).field()).isEqualTo("channel_id");
    }

    @Test
    void aClickOnAnEphemeralPostSendsItsCookieAndOnlyItsUserCanClick() throws Exception {
        ChannelModel model = new ChannelModel();
        model.apply(PostCommand.ephemeralPost("eph00000000000000000000001", "i", BOB, new CommandPost(TOWN, "",
                BOB, "Only you", "", ChannelModelTest.json("{\"attachments\":[{\"actions\":[{\"id\":\"again\","
                + "\"type\":\"button\",\"name\":\"Again\",\"cookie\":\"sealed-cookie\"}]}]}"), null)), 1);
        ObjectNode body = seat(BOB, "bob").put("post_id", "eph00000000000000000000001").put("action_id", "again");
        InteractionEvent click = PlaygroundRequests.click("event0000000000000000000001", body, model);
        assertThat(click.cookie()).isEqualTo("sealed-cookie");
        assertThat(click.post()).isNull();
        ObjectNode alice = seat(ChannelModelTest.ALICE, "alice").put("post_id", "eph00000000000000000000001")
                .put("action_id", "again");
        assertThat(failure(() -> PlaygroundRequests.click("e", alice, model)).status()).isEqualTo(404);
    }

    static ChannelModel.DialogSession dialog(String form) {
        try {
            return new ChannelModel.DialogSession("dlg00000000000000000000001", BOB,
                    "http://127.0.0.1:9/dialogs/ticket", Json.mapper().readTree(form));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String FORM = "{\"callback_id\":\"ticket\",\"state\":\"step1\",\"notify_on_cancel\":true,"
            + "\"elements\":[{\"name\":\"summary\",\"type\":\"text\"},{\"name\":\"urgent\",\"type\":\"bool\"},"
            + "{\"name\":\"impact\",\"type\":\"radio\",\"options\":[{\"text\":\"One\",\"value\":\"one\"}]},"
            + "{\"name\":\"labels\",\"type\":\"select\",\"multiselect\":true,\"options\":[{\"text\":\"Disk\","
            + "\"value\":\"disk\"},{\"text\":\"DB\",\"value\":\"db\"}]},"
            + "{\"name\":\"team\",\"type\":\"select\",\"data_source\":\"dynamic\",\"data_source_url\":"
            + "\"http://127.0.0.1:9/lookup\",\"refresh\":true}],\"source_url\":\"http://127.0.0.1:9/refresh\"}";

    @Test
    void aSubmissionGoesToTheDialogsUrlWithItsCallbackStateAndTypedValues() throws Exception {
        ObjectNode body = seat(BOB, "bob");
        body.set("submission", Json.mapper().readTree("{\"summary\":\"Disk full\",\"urgent\":true,"
                + "\"impact\":\"one\",\"labels\":[\"disk\",\"db\"],\"earlier_step\":\"kept\"}"));
        InteractionEvent e = PlaygroundRequests.submission("event0000000000000000000001", dialog(FORM), body);
        assertThat(e.isDialogSubmission()).isTrue();
        assertThat(e.url()).isEqualTo("http://127.0.0.1:9/dialogs/ticket");
        assertThat(e.callbackId()).isEqualTo("ticket");
        assertThat(e.state()).isEqualTo("step1");
        assertThat(e.cancelled()).isFalse();
        assertThat(e.submission()).containsEntry("summary", "Disk full").containsEntry("urgent", true)
                .containsEntry("labels", List.of("disk", "db")).containsEntry("earlier_step", "kept");

        body.set("submission", Json.mapper().readTree("{\"urgent\":\"yes\",\"impact\":\"all\",\"labels\":\"disk\","
                + "\"summary\":{\"no\":1}}"));
        ApiException bad = failure(() -> PlaygroundRequests.submission("e", dialog(FORM), body));
        assertThat(bad.errors()).extracting(ApiException.FieldError::field).containsExactlyInAnyOrder(
                "submission.urgent", "submission.impact", "submission.labels", "submission.summary");
        assertThat(bad.errors()).filteredOn(f -> f.field().equals("submission.impact")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("impact: no option 'all'; its options: one"));
    }

    @Test
    void aCancelIsSentOnlyWhenTheIntegrationAskedForIt() throws Exception {
        ObjectNode body = seat(BOB, "bob").put("cancelled", true);
        body.set("submission", Json.mapper().readTree("{\"summary\":\"ignored\"}"));
        InteractionEvent cancel = PlaygroundRequests.submission("event0000000000000000000001", dialog(FORM), body);
        assertThat(cancel.cancelled()).isTrue();
        assertThat(cancel.submission()).isEmpty();
        assertThat(PlaygroundRequests.submission("e", dialog(FORM.replace("\"notify_on_cancel\":true,", "")), body))
                .isNull();
    }

    @Test
    void aLookupAndARefreshCarryTheFieldAndGoWhereTheDialogSays() throws Exception {
        ObjectNode body = seat(BOB, "bob").put("selected_field", "team").put("query", "da");
        body.set("submission", Json.mapper().readTree("{\"summary\":\"Disk\"}"));
        InteractionEvent lookup = PlaygroundRequests.lookup("event0000000000000000000001", dialog(FORM), body);
        assertThat(lookup.isDialogLookup()).isTrue();
        assertThat(lookup.url()).isEqualTo("http://127.0.0.1:9/lookup");
        assertThat(lookup.submission()).containsEntry("query", "da").containsEntry("selected_field", "team")
                .containsEntry("summary", "Disk");

        InteractionEvent refresh = PlaygroundRequests.refresh("event0000000000000000000002", dialog(FORM), body);
        assertThat(refresh.submissionType()).isEqualTo(InteractionEvent.REFRESH);
        assertThat(refresh.url()).isEqualTo("http://127.0.0.1:9/refresh");
        assertThat(refresh.submission()).containsEntry("selected_field", "team");

        body.put("selected_field", "summary");
        assertThat(failure(() -> PlaygroundRequests.lookup("e", dialog(FORM), body)).getMessage())
                .contains("not a dynamic select");
    }

    @Test
    void theSeatMustNameValidIdsAndAUsername() {
        ObjectNode body = seat(BOB, "");
        body.put("team_id", "");
        ApiException e = failure(() -> PlaygroundRequests.seat(body));
        assertThat(e.errors()).extracting(ApiException.FieldError::field)
                .containsExactlyInAnyOrder("team_id", "username");
    }
}
