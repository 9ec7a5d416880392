package io.hookline.cli.console.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.ActionResponse;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelModelTest {

    static final String TOWN = "townsquare0000000000000001";
    static final String OFFTOPIC = "offtopic000000000000000001";
    static final String ALICE = "alice000000000000000000001";
    static final String BOB = "bob00000000000000000000001";
    static final String BOT = "ticketbot00000000000000001";
    static final String TEAM = "engineering000000000000001";

    static PostEvent typed(String id, String channel, String user, String username, String message, long at,
                           String rootId) {
        return new PostEvent(new Post(id, at, 0, 0, 0, user, channel, rootId, message, "", Map.of(), List.of()),
                new Channel(channel, "town-square", "Town Square", Channel.OPEN, TEAM),
                new Team(TEAM, "engineering", "Engineering"), new User(user, username));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) throws Exception {
        return Json.mapper().readValue(text, Map.class);
    }

    static final String WITH_BUTTON = "{\"from_webhook\":\"true\",\"webhook_display_name\":\"Ticket bot\","
            + "\"attachments\":[{\"text\":\"Create one?\",\"actions\":[{\"id\":\"createticket\",\"type\":\"button\","
            + "\"name\":\"Create ticket\",\"integration\":{\"url\":\"http://127.0.0.1:9/act\",\"context\":{\"a\":1}}}]}]}";

    static PostCommand created(String id, String channel, String rootId, String message, Map<String, Object> props) {
        return new PostCommand(id, PostCommand.CREATE_POST, null,
                new CommandPost(channel, rootId, BOT, message, "", props, null), null);
    }

    static List<String> messages(List<Map<String, Object>> shown) {
        return shown.stream().map(s -> String.valueOf(((Map<?, ?>) s.get("post")).get("message"))).toList();
    }

    @Test
    void peoplesPostsAndTheHooksRepliesMakeTheChannelInTimeOrderWithThreadsAndUsernames() throws Exception {
        ChannelModel model = new ChannelModel();
        model.apply(typed("post00000000000000000000001", TOWN, ALICE, "alice", "ticket disk full", 1_000, ""));
        model.apply(typed("post00000000000000000000002", OFFTOPIC, BOB, "bob", "elsewhere", 1_500, ""));
        // read later, but stored earlier: the channel shows posts by creation time
        model.apply(created("reply0000000000000000000001", TOWN, "post00000000000000000000001", "on it",
                Map.of("from_webhook", "true")), 2_000);
        model.apply(typed("post00000000000000000000003", TOWN, BOB, "bob", "earlier", 500, ""));

        List<Map<String, Object>> town = model.snapshot(TOWN, ALICE);
        assertThat(messages(town)).containsExactly("earlier", "ticket disk full", "on it");
        assertThat(town.get(1)).containsEntry("username", "alice").containsEntry("ephemeral", false);
        Map<?, ?> reply = (Map<?, ?>) town.get(2).get("post");
        assertThat(reply.get("id")).isEqualTo("reply0000000000000000000001");
        assertThat(reply.get("root_id")).isEqualTo("post00000000000000000000001");
        assertThat(reply.get("create_at")).isEqualTo(2_000L);
        assertThat(messages(model.snapshot(OFFTOPIC, ALICE))).containsExactly("elsewhere");
    }

    @Test
    void theChannelSeesActionsButNeverTheirIntegrationWhichTheStoredPostKeepsForClicks() throws Exception {
        ChannelModel model = new ChannelModel();
        List<ViewEvent> events = model.apply(created("cmd00000000000000000000001", TOWN, "", "Ticket?",
                json(WITH_BUTTON)), 1_000);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo(ViewEvent.POST);
            assertThat(e.isFor(TOWN, BOB)).isTrue();
            assertThat(e.isFor(OFFTOPIC, BOB)).isFalse();
            assertThat(Json.mapper().writeValueAsString(e.data())).contains("\"id\":\"createticket\"")
                    .doesNotContain("integration").doesNotContain("127.0.0.1:9");
        });
        assertThat(Json.mapper().writeValueAsString(model.snapshot(TOWN, BOB))).doesNotContain("integration");
        ChannelModel.Shown stored = model.clickable("cmd00000000000000000000001", BOB).orElseThrow();
        assertThat(Json.mapper().writeValueAsString(stored.stored())).contains("\"url\":\"http://127.0.0.1:9/act\"");
        assertThat(model.clickable("nosuchpost0000000000000001", BOB)).isEmpty();
    }

    @Test
    void anEphemeralPostIsSeenAndClickedOnlyByItsUser() throws Exception {
        ChannelModel model = new ChannelModel();
        PostCommand ephemeral = PostCommand.ephemeralPost("eph00000000000000000000001", "click0000000000000000000001",
                BOB, new CommandPost(TOWN, "cmd00000000000000000000001", BOB, "Only you", "", Map.of(), null));
        List<ViewEvent> events = model.apply(ephemeral, 3_000);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.isFor(TOWN, BOB)).isTrue();
            assertThat(e.isFor(TOWN, ALICE)).isFalse();
            assertThat(e.data()).containsEntry("ephemeral", true);
            assertThat(((Map<?, ?>) e.data().get("post")).get("type")).isEqualTo("system_ephemeral");
        });
        assertThat(messages(model.snapshot(TOWN, BOB))).containsExactly("Only you");
        assertThat(model.snapshot(TOWN, ALICE)).isEmpty();
        assertThat(model.clickable("eph00000000000000000000001", BOB)).isPresent();
        assertThat(model.clickable("eph00000000000000000000001", ALICE)).isEmpty();
    }

    @Test
    void anUpdateReplacesThePostInPlaceAndIsSentToTheChannel() throws Exception {
        ChannelModel model = new ChannelModel();
        model.apply(created("cmd00000000000000000000001", TOWN, "", "Ticket?", json(WITH_BUTTON)), 1_000);
        model.apply(typed("post00000000000000000000009", TOWN, ALICE, "alice", "later", 5_000, ""));
        Map<String, Object> updated = json("{\"id\":\"cmd00000000000000000000001\",\"create_at\":1000,"
                + "\"channel_id\":\"" + TOWN + "\",\"message\":\"Ticket opened by @bob\",\"props\":{}}");
        List<ViewEvent> events = model.apply(PostCommand.updatePost("upd00000000000000000000001",
                "click0000000000000000000001", updated), 6_000);

        assertThat(events).singleElement().satisfies(e -> assertThat(e.isFor(TOWN, ALICE)).isTrue());
        assertThat(messages(model.snapshot(TOWN, ALICE))).containsExactly("Ticket opened by @bob", "later");
        assertThat(Json.mapper().writeValueAsString(model.snapshot(TOWN, ALICE))).doesNotContain("createticket");
        // an update of a post this view never saw changes nothing
        assertThat(model.apply(PostCommand.updatePost("upd00000000000000000000002", "x",
                Map.of("id", "unknown0000000000000000001")), 7_000)).isEmpty();
    }

    static PostCommand openDialog(String id, String user, String trigger) throws Exception {
        JsonNode request = Json.mapper().readTree("{\"trigger_id\":\"" + trigger + "\",\"url\":"
                + "\"http://127.0.0.1:9/dialogs/ticket\",\"dialog\":{\"callback_id\":\"ticket\",\"title\":\"Create "
                + "ticket\",\"elements\":[{\"display_name\":\"Summary\",\"name\":\"summary\",\"type\":\"text\"}]}}");
        return PostCommand.openDialog(id, trigger, user, request);
    }

    @Test
    void aDialogIsOpenedOnlyOnceItsUsersClientHasTheClicksTriggerIdWhicheverComesFirst() throws Exception {
        ChannelModel model = new ChannelModel();
        // the dialog (keyed by user) is read before the click's result (keyed by channel)
        assertThat(model.apply(openDialog("dlg00000000000000000000001", BOB, "trigger0000000000000000001"), 1))
                .isEmpty();
        assertThat(model.dialog("dlg00000000000000000000001", BOB)).isEmpty();

        List<ViewEvent> events = model.apply(PostCommand.actionResult("res00000000000000000000001",
                "click0000000000000000000001", BOB, ActionResponse.ok("trigger0000000000000000001"), null), 2);
        assertThat(events).extracting(ViewEvent::name)
                .containsExactly(ViewEvent.ACTION_RESULT, ViewEvent.OPEN_DIALOG);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.isFor(OFFTOPIC, BOB)).isTrue();
            assertThat(e.isFor(TOWN, ALICE)).isFalse();
        });
        assertThat(events.get(1).data()).containsEntry("dialog_id", "dlg00000000000000000000001");
        ChannelModel.DialogSession dialog = model.dialog("dlg00000000000000000000001", BOB).orElseThrow();
        assertThat(dialog.url()).isEqualTo("http://127.0.0.1:9/dialogs/ticket");
        assertThat(dialog.form().path("title").asText()).isEqualTo("Create ticket");
        assertThat(model.dialog("dlg00000000000000000000001", ALICE)).isEmpty();

        // the result first: the dialog is shown as soon as it comes
        model.apply(PostCommand.actionResult("res00000000000000000000002", "click0000000000000000000002", BOB,
                ActionResponse.ok("trigger0000000000000000002"), null), 3);
        assertThat(model.apply(openDialog("dlg00000000000000000000002", BOB, "trigger0000000000000000002"), 4))
                .extracting(ViewEvent::name).containsExactly(ViewEvent.OPEN_DIALOG);
        // a trigger id another user's click got does not open a dialog for this one
        assertThat(model.apply(openDialog("dlg00000000000000000000003", ALICE, "trigger0000000000000000002"), 5))
                .isEmpty();
    }

    @Test
    void aFailedClickTellsTheClickerItsError() {
        ChannelModel model = new ChannelModel();
        AppError error = AppError.actionIntegration("status=500");
        List<ViewEvent> events = model.apply(PostCommand.actionResult("res00000000000000000000001",
                "click0000000000000000000001", BOB, null, error), 1);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo(ViewEvent.ACTION_RESULT);
            assertThat(e.data()).containsEntry("interaction_id", "click0000000000000000000001")
                    .containsEntry("error", error);
        });
    }

    @Test
    void aFormAnswerMakesTheNextStepOfTheDialogWhichKeepsItsUrl() throws Exception {
        ChannelModel model = new ChannelModel();
        model.apply(PostCommand.actionResult("res00000000000000000000001", "click0000000000000000000001", BOB,
                ActionResponse.ok("trigger0000000000000000001"), null), 1);
        model.apply(openDialog("dlg00000000000000000000001", BOB, "trigger0000000000000000001"), 2);
        model.submitted("submit000000000000000000001", "dlg00000000000000000000001");
        JsonNode step2 = Json.mapper().readTree("{\"type\":\"form\",\"form\":{\"callback_id\":\"ticket\","
                + "\"title\":\"Step 2 of 2\",\"state\":\"step2\",\"elements\":[]}}");

        List<ViewEvent> events = model.apply(PostCommand.dialogResult("dres0000000000000000000001",
                "submit000000000000000000001", BOB, step2, null), 3);

        assertThat(events).singleElement().satisfies(e ->
                assertThat(e.data()).containsEntry("dialog_id", "dlg00000000000000000000001"));
        ChannelModel.DialogSession dialog = model.dialog("dlg00000000000000000000001", BOB).orElseThrow();
        assertThat(dialog.form().path("title").asText()).isEqualTo("Step 2 of 2");
        assertThat(dialog.form().path("state").asText()).isEqualTo("step2");
        assertThat(dialog.url()).isEqualTo("http://127.0.0.1:9/dialogs/ticket");
    }

    @Test
    void aBusyChannelKeepsItsNewestPosts() {
        ChannelModel model = new ChannelModel();
        for (int i = 0; i < ChannelModel.MAX_POSTS_PER_CHANNEL + 5; i++) {
            model.apply(typed(String.format("post%022d", i), TOWN, ALICE, "alice", "m" + i, i, ""));
        }
        List<Map<String, Object>> shown = model.snapshot(TOWN, ALICE);
        assertThat(shown).hasSize(ChannelModel.MAX_POSTS_PER_CHANNEL);
        assertThat(messages(shown).get(0)).isEqualTo("m5");
        assertThat(model.clickable(String.format("post%022d", 0), ALICE)).isEmpty();
    }
}
