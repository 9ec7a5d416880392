package io.hookline.ingestor.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.ingestor.testing.Fixtures;
import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.PostActionCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EphemeralPostsTest {

    private static final String COMMAND_ID = Ids.deterministic("ephemeral-command");
    private static final String INTERACTION_ID = Ids.deterministic("interaction");
    private static final String RECIPIENT = Ids.deterministic("recipient");

    private final ActionCookies cookies = new ActionCookies(IntegrationSecrets.generate());
    private final EphemeralPosts ephemerals = new EphemeralPosts(cookies);

    private static Map<String, Object> action(String id, String type, String dataSource, String url) {
        Map<String, Object> action = new LinkedHashMap<>();
        if (id != null) {
            action.put("id", id);
        }
        action.put("type", type);
        action.put("name", "n");
        if (!dataSource.isEmpty()) {
            action.put("data_source", dataSource);
        }
        action.put("integration", Map.of("url", url, "context", Map.of("step", 2)));
        return action;
    }

    private static PostCommand ephemeral(String rootId, Map<String, Object> props) {
        return PostCommand.ephemeralPost(COMMAND_ID, INTERACTION_ID, RECIPIENT, new CommandPost(Fixtures.CHANNEL_ID,
                rootId, RECIPIENT, "choose", "", props, null));
    }

    private static Map<String, Object> withActions() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("from_webhook", "true");
        props.put("attachments", List.of(
                Map.of("text", "first", "actions", List.of(action(null, "button", "", "http://127.0.0.1:9/a"))),
                Map.of("text", "second", "actions", java.util.Arrays.asList(null,
                        action("given", "select", "users", "http://127.0.0.1:9/b")))));
        return props;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actionsOf(PostCommand command, int attachment) {
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) command.post().props().get("attachments");
        return (List<Map<String, Object>>) attachments.get(attachment).get("actions");
    }

    @Test
    void everyActionGetsAnIdAndACookieNamingTheEphemeralPost() throws Exception {
        PostCommand prepared = ephemerals.prepare(ephemeral("", withActions())).command();
        Map<String, Object> first = actionsOf(prepared, 0).get(0);
        assertThat(first.get("id")).isEqualTo(PostActions.generatedId(COMMAND_ID, 0, 0));
        assertThat(first.get("integration")).as("kept: the chat server hides it")
                .isEqualTo(Map.of("url", "http://127.0.0.1:9/a", "context", Map.of("step", 2)));
        assertThat(cookies.open((String) first.get("cookie"))).isEqualTo(new PostActionCookie("button", COMMAND_ID,
                COMMAND_ID, Fixtures.CHANNEL_ID, "", new ActionIntegration("http://127.0.0.1:9/a",
                Map.of("step", 2)), Map.of("from_webhook", "true"), List.of("override_username",
                "override_icon_url")));

        List<Map<String, Object>> second = actionsOf(prepared, 1);
        assertThat(second).as("the null action is dropped").hasSize(1);
        assertThat(second.get(0).get("id")).isEqualTo("given");
        PostActionCookie select = cookies.open((String) second.get(0).get("cookie"));
        assertThat(select.type()).isEqualTo("select");
        assertThat(select.dataSource()).isEqualTo("users");
        assertThat(select.integration().url()).isEqualTo("http://127.0.0.1:9/b");
    }

    @Test
    void nothingElseChanges() {
        PostCommand command = ephemeral("", withActions());
        PostCommand prepared = ephemerals.prepare(command).command();
        assertThat(prepared.id()).isEqualTo(command.id());
        assertThat(prepared.userId()).isEqualTo(RECIPIENT);
        assertThat(prepared.interactionId()).isEqualTo(INTERACTION_ID);
        assertThat(prepared.post().message()).isEqualTo("choose");
        assertThat(prepared.post().props()).containsEntry("from_webhook", "true");
        assertThat(command.post().props()).isEqualTo(withActions());
    }

    @Test
    void theCookieOfAReplyNamesItsThreadRoot() throws Exception {
        String root = Ids.deterministic("root");
        PostCommand prepared = ephemerals.prepare(ephemeral(root, withActions())).command();
        PostActionCookie cookie = cookies.open((String) actionsOf(prepared, 0).get(0).get("cookie"));
        assertThat(cookie.postId()).isEqualTo(COMMAND_ID);
        assertThat(cookie.rootPostId()).isEqualTo(root);
    }

    @Test
    void aPostWithoutActionsIsLeftAsItIs() {
        PostCommand plain = ephemeral("", Map.of("from_webhook", "true"));
        assertThat(ephemerals.prepare(plain).command()).isSameAs(plain);
        assertThat(EphemeralPosts.withoutCookies().prepare(plain).command()).isSameAs(plain);
    }

    @Test
    void withoutSecretsAPostWithActionsIsRefusedLoudly() {
        assertThatThrownBy(() -> EphemeralPosts.withoutCookies().prepare(ephemeral("", withActions())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no integration secrets");
    }

    @Test
    void onlyEphemeralPostsArePrepared() {
        PostCommand create = new PostCommand(COMMAND_ID, PostCommand.CREATE_POST, null, new CommandPost(
                Fixtures.CHANNEL_ID, "", RECIPIENT, "m", "", Map.of(), null), null);
        assertThatThrownBy(() -> ephemerals.prepare(create)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an ephemeral_post");
    }

    @Test
    void anEphemeralPostsAttachmentsAreSanitisedAsWrittenAndEveryRemovalReported() {
        // given an ephemeral post whose attachment has a data: image, a javascript: author link and an action without
        // integration, next to Slack markup
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("text", "<!channel> <https://a.example|A>");
        attachment.put("author_name", "bot");
        attachment.put("author_link", "javascript:alert(1)");
        attachment.put("image_url", "data:image/png;base64,AAAA");
        attachment.put("actions", List.of(Map.of("type", "button", "name", "Lost")));
        EphemeralPosts.Prepared prepared = ephemerals.prepare(ephemeral("", Map.of("attachments",
                List.of(attachment))));

        // then they are gone, the text is as written, and each removal is reported
        assertThat(prepared.command().post().props().get("attachments")).isEqualTo(List.of(Map.of(
                "text", "<!channel> <https://a.example|A>", "author_name", "bot")));
        assertThat(prepared.removed()).containsExactly(
                "props.attachments[0].author_link is not an http(s) URL",
                "props.attachments[0].image_url is not an http(s) URL",
                "props.attachments[0].actions[0] removed: it has no integration");
    }
}
