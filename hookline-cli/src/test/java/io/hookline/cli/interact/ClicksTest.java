package io.hookline.cli.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.cli.CliFailure;
import io.hookline.schemas.command.CommandOrigin;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClicksTest {

    static final String CHANNEL = "townsquare0000000000000001";
    static final String POST_ID = "createcmd00000000000000001";

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String json) throws Exception {
        return Json.mapper().readValue(json, Map.class);
    }

    static final String ATTACHMENTS = "{\"attachments\":[{\"text\":\"Create a ticket\",\"actions\":["
            + "{\"id\":\"createticket\",\"type\":\"button\",\"name\":\"Create ticket\","
            + "\"integration\":{\"url\":\"http://127.0.0.1:8067/actions/create\",\"context\":{\"action\":\"create\"}}},"
            + "{\"id\":\"priority\",\"type\":\"select\",\"name\":\"Priority\",\"options\":[{\"text\":\"Low\","
            + "\"value\":\"low\"},{\"text\":\"High\",\"value\":\"high\"}],"
            + "\"integration\":{\"url\":\"http://127.0.0.1:8067/actions/priority\"}}]},"
            + "{\"actions\":[{\"id\":\"assign\",\"type\":\"select\",\"name\":\"Assign\",\"data_source\":\"users\"},"
            + "{\"id\":\"createticket\",\"type\":\"button\",\"name\":\"Create ticket again\"},"
            + "{\"id\":\"dup1\",\"type\":\"button\",\"name\":\"Twice\"},{\"id\":\"dup2\",\"type\":\"button\","
            + "\"name\":\"Twice\"}]}],\"from_webhook\":\"true\"}";

    static LoggedCommand created() throws Exception {
        return new LoggedCommand(new PostCommand(POST_ID, PostCommand.CREATE_POST, null,
                new CommandPost(CHANNEL, "", "pongbot0000000000000000001", "Ticket request", "slack_attachment",
                        map(ATTACHMENTS), null),
                new CommandOrigin("hook", "trigger", "http://127.0.0.1:8067/hook", "delivery")), 1_764_150_000_000L);
    }

    @Test
    void theStoredPostIsTheCreatedPostUnderItsCommandsIdAtTheRecordsTime() throws Exception {
        Map<String, Object> stored = StoredPosts.find(POST_ID, List.of(created()));
        assertThat(stored).containsEntry("id", POST_ID).containsEntry("channel_id", CHANNEL)
                .containsEntry("root_id", "").containsEntry("user_id", "pongbot0000000000000000001")
                .containsEntry("message", "Ticket request").containsEntry("type", "slack_attachment")
                .containsEntry("create_at", 1_764_150_000_000L).containsEntry("update_at", 1_764_150_000_000L)
                .containsEntry("delete_at", 0L).containsEntry("is_pinned", false);
        // the chat server keeps the actions' integration: the dispatcher needs it
        assertThat(Json.mapper().writeValueAsString(stored.get("props")))
                .contains("\"url\":\"http://127.0.0.1:8067/actions/create\"");
        assertThat(stored).doesNotContainKey("metadata");
    }

    @Test
    void laterUpdatesOfThePostAreApplied() throws Exception {
        Map<String, Object> updated = map("{\"id\":\"" + POST_ID + "\",\"channel_id\":\"" + CHANNEL + "\","
                + "\"message\":\"Ticket request — priority: high\",\"create_at\":1764150000000,\"edit_at\":5,"
                + "\"props\":{\"from_webhook\":\"true\"}}");
        Map<String, Object> otherPost = map("{\"id\":\"other000000000000000000001\",\"message\":\"no\"}");
        Map<String, Object> stored = StoredPosts.find(POST_ID, List.of(created(),
                new LoggedCommand(PostCommand.updatePost("u2", "i2", otherPost), 2),
                new LoggedCommand(PostCommand.updatePost("u1", "i1", updated), 3)));
        assertThat(stored).isEqualTo(updated);
        assertThat(Clicks.clicked(POST_ID, List.of(created(),
                new LoggedCommand(PostCommand.updatePost("u1", "i1", updated), 3))).props())
                .isEqualTo(Map.of("from_webhook", "true"));
    }

    @Test
    void lastIsTheNewestCreatedPostByBrokerTime() throws Exception {
        LoggedCommand newer = new LoggedCommand(new PostCommand("newer", PostCommand.CREATE_POST, null,
                new CommandPost(CHANNEL, "", "b", "newer", "", Map.of(), null), null), 1_764_150_000_001L);
        LoggedCommand dialog = new LoggedCommand(PostCommand.openDialog("d", "", "u", Json.mapper().readTree("{}")),
                1_764_150_000_002L);
        // read in another order than written: partitions are read one after the other
        Clicks.Clicked clicked = Clicks.clicked("last", List.of(newer, created(), dialog));
        assertThat(clicked.commandId()).isEqualTo("newer");
        assertThat(clicked.stored()).containsEntry("message", "newer");
        assertThatThrownBy(() -> Clicks.clicked("last", List.of(dialog)))
                .hasMessage("no create_post command on post-commands yet (1 commands read)");
    }

    @Test
    void anUnknownPostOrACommandOfAnotherTypeIsAClearError() throws Exception {
        assertThatThrownBy(() -> StoredPosts.find("nope", List.of(created()))).isInstanceOf(CliFailure.class)
                .hasMessage("no create_post command with id nope on post-commands (1 commands read); "
                        + "`hookline tail post-commands` lists them");
        LoggedCommand result = new LoggedCommand(PostCommand.actionResult("res", "i", "u", null, null), 1);
        assertThatThrownBy(() -> StoredPosts.find("res", List.of(result)))
                .hasMessageContaining("command res on post-commands is an action_result, not a create_post");
    }

    @Test
    void actionsAreFoundByNameOrByIdFirstMatchFirst() throws Exception {
        Map<String, Object> props = map(ATTACHMENTS);
        assertThat(Clicks.action(props, "Priority", null)).containsEntry("id", "priority");
        // by id, the first match across all attachments, as Mattermost looks it up
        assertThat(Clicks.action(props, null, "createticket")).containsEntry("name", "Create ticket");
        assertThatThrownBy(() -> Clicks.action(props, "Delete", null)).isInstanceOf(CliFailure.class)
                .hasMessageStartingWith("the post has no action named 'Delete'; its actions: 'Create ticket' (id "
                        + "createticket, button), 'Priority' (id priority, select)");
        assertThatThrownBy(() -> Clicks.action(props, null, "gone"))
                .hasMessageStartingWith("the post has no action with id 'gone'");
        assertThatThrownBy(() -> Clicks.action(props, "Twice", null))
                .hasMessage("several actions are named 'Twice' (ids [dup1, dup2]): choose one with --action-id");
        assertThatThrownBy(() -> Clicks.action(Map.of(), "Twice", null))
                .hasMessageContaining("the post has no actions");
    }

    @Test
    void menusNeedAnOptionAndStaticMenusOnlyTheirOwn() throws Exception {
        Map<String, Object> props = map(ATTACHMENTS);
        assertThat(Clicks.selectedOption(Clicks.action(props, "Create ticket", null), null)).isEmpty();
        assertThatThrownBy(() -> Clicks.selectedOption(Clicks.action(props, "Create ticket", null), "high"))
                .hasMessage("'Create ticket' is a button: --option is only for menus (select actions)");
        Map<String, Object> priority = Clicks.action(props, "Priority", null);
        assertThat(Clicks.selectedOption(priority, "high")).isEqualTo("high");
        assertThatThrownBy(() -> Clicks.selectedOption(priority, null))
                .hasMessage("'Priority' is a menu: choose with --option (one of low, high)");
        assertThatThrownBy(() -> Clicks.selectedOption(priority, "urgent"))
                .hasMessage("'Priority' has no option 'urgent'; its options: low, high");
        Map<String, Object> users = Clicks.action(props, "Assign", null);
        assertThat(Clicks.selectedOption(users, "carol0000000000000000000001"))
                .isEqualTo("carol0000000000000000000001");
        assertThatThrownBy(() -> Clicks.selectedOption(users, ""))
                .hasMessage("'Assign' is a menu: choose with --option (a users id)");
    }

    @Test
    void theEventCarriesTheStoredPostOrForAnEphemeralPostTheCookie() throws Exception {
        User bob = new User("bob00000000000000000000001", "bob");
        Channel channel = new Channel(CHANNEL, "town-square", "Town Square", "O", "engineering000000000000001");
        Team team = new Team("engineering000000000000001", "engineering", "Engineering");
        Clicks.Clicked clicked = Clicks.clicked(POST_ID, List.of(created()));
        InteractionEvent e = Clicks.event("event0000000000000000000001", clicked,
                Clicks.action(clicked.props(), "Priority", null), "high", bob, channel, team);
        assertThat(e.type()).isEqualTo(InteractionEvent.POST_ACTION);
        assertThat(e.actionId()).isEqualTo("priority");
        assertThat(e.selectedOption()).isEqualTo("high");
        assertThat(e.post()).isEqualTo(StoredPosts.find(POST_ID, List.of(created())));
        assertThat(e.cookie()).isEmpty();
        assertThat(e.user()).isEqualTo(bob);
        assertThat(e.channel()).isEqualTo(channel);
        assertThat(e.team()).isEqualTo(team);

        PostCommand ephemeral = PostCommand.ephemeralPost("eph", "i", bob.id(), new CommandPost(CHANNEL, "",
                bob.id(), "Pick one", "", map("{\"attachments\":[{\"actions\":[{\"id\":\"ok\",\"name\":\"OK\","
                + "\"type\":\"button\",\"cookie\":\"sealed\"},{\"id\":\"raw\",\"name\":\"Raw\"}]}]}"), null));
        Clicks.Clicked onEphemeral = Clicks.clicked("eph", List.of(new LoggedCommand(ephemeral, 1)));
        assertThat(onEphemeral.ephemeral()).isTrue();
        InteractionEvent withCookie = Clicks.event("event0000000000000000000002", onEphemeral,
                Clicks.action(onEphemeral.props(), "OK", null), "", bob, channel, team);
        assertThat(withCookie.post()).isNull();
        assertThat(withCookie.cookie()).isEqualTo("sealed");
        assertThatThrownBy(() -> Clicks.event("e", onEphemeral, Clicks.action(onEphemeral.props(), "Raw", null), "",
                bob, channel, team)).hasMessageContaining("has no cookie");
    }
}
