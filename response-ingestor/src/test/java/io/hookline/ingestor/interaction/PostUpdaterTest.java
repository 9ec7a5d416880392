package io.hookline.ingestor.interaction;

import static io.hookline.ingestor.testing.Interactions.CLICKED_POST_ID;
import static io.hookline.ingestor.testing.Interactions.COMPLETED_AT;
import static io.hookline.ingestor.testing.Interactions.CREATED_AT;
import static io.hookline.ingestor.testing.Interactions.EVENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.post.PostActions;
import io.hookline.ingestor.response.ActionResponseReader;
import io.hookline.ingestor.response.PostActionIntegrationResponse.PostUpdate;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.ingestor.testing.Interactions;
import io.hookline.schemas.interaction.AppError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mattermost's update semantics, one rule per test, on the stored post of {@link Interactions#storedPost()}. */
class PostUpdaterTest {

    private final PostUpdater updater = new PostUpdater();

    private static PostUpdate decode(String update) {
        return new ActionResponseReader().read("{\"update\": " + update + "}").update();
    }

    private PostUpdater.Result apply(Map<String, Object> original, String update) {
        return updater.apply(original, decode(update), Interactions.resolvedAction(), EVENT_ID, COMPLETED_AT);
    }

    private Map<String, Object> updated(String update) {
        PostUpdater.Result result = apply(Interactions.storedPost(), update);
        assertThat(result.error()).as("refusal").isNull();
        return result.post();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> post) {
        return (Map<String, Object>) post.get("props");
    }

    @Test
    void propsAbsentKeepTheOriginalPropsButMessageAndFilesAreReplaced() {
        Map<String, Object> post = updated("{\"message\": \"Pizza it is\"}");
        assertThat(props(post)).isEqualTo(props(Interactions.storedPost()));
        assertThat(post.get("message")).isEqualTo("Pizza it is");
        assertThat(post.get("file_ids")).isEqualTo(List.of());
        assertThat(post.get("edit_at")).isEqualTo(COMPLETED_AT);
        assertThat(post.get("update_at")).isEqualTo(COMPLETED_AT);
    }

    @Test
    void propsNullIsLikeAbsent() {
        assertThat(props(updated("{\"message\": \"x\", \"props\": null}")))
                .isEqualTo(props(Interactions.storedPost()));
    }

    @Test
    void emptyPropsRemoveEverythingButTheRetainedKeys() {
        Map<String, Object> post = updated("{\"message\": \"Lunch?\", \"file_ids\": [\"file1\"], \"props\": {}}");
        assertThat(props(post)).containsExactlyInAnyOrderEntriesOf(Map.of("from_webhook", "true",
                "override_username", "pollbot"));
        assertThat(post.get("edit_at")).as("the attachments changed").isEqualTo(COMPLETED_AT);
    }

    @Test
    void replacedPropsGetTheRetainedValuesBackAndLoseTheKeysTheOriginalLacked() {
        Map<String, Object> post = updated("{\"props\": {\"from_webhook\": \"false\", \"override_username\": \"evil\", "
                + "\"override_icon_url\": \"https://evil.example/i.png\", \"poll\": 17}}");
        assertThat(props(post)).containsEntry("from_webhook", "true").containsEntry("override_username", "pollbot")
                .containsEntry("poll", 17).doesNotContainKey("override_icon_url")
                .doesNotContainKey("webhook_display_name");
    }

    @Test
    void replacedPropsWithoutTheRetainKeysStillGetThem() {
        assertThat(props(updated("{\"props\": {\"poll\": 17}}"))).containsEntry("from_webhook", "true")
                .containsEntry("override_username", "pollbot").doesNotContainKey("override_icon_url");
    }

    @Test
    void addChannelMemberAndForceNotificationAreStripped() {
        assertThat(props(updated("{\"props\": {\"add_channel_member\": {\"user_ids\": [\"u\"]}, "
                + "\"force_notification\": true, \"kept\": \"yes\"}}")))
                .doesNotContainKeys("add_channel_member", "force_notification").containsEntry("kept", "yes");
    }

    @Test
    void newActionsWithoutIdsGetDeterministicIdsAndIdsSentAreKept() {
        String update = "{\"props\": {\"attachments\": [{\"text\": \"Voted\", \"actions\": ["
                + "{\"type\": \"button\", \"name\": \"Undo\", \"integration\": {\"url\": \"http://127.0.0.1:9/undo\"}},"
                + "{\"id\": \"keepme\", \"type\": \"button\", \"name\": \"Again\", "
                + "\"integration\": {\"url\": \"http://127.0.0.1:9/again\"}}]}]}}";
        Map<String, Object> first = updated(update);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) ((List<Map<String, Object>>) props(first)
                .get("attachments")).get(0).get("actions");
        assertThat(actions).extracting(a -> a.get("id"))
                .containsExactly(PostActions.generatedId(EVENT_ID, 0, 0), "keepme");
        assertThat(actions.get(0).get("integration")).isEqualTo(Map.of("url", "http://127.0.0.1:9/undo"));
        assertThat(updated(update)).as("a replay gives the same post").isEqualTo(first);
    }

    @Test
    void aNewMessageGetsItsHashtagsAndAnUnchangedOneKeepsThem() {
        assertThat(updated("{\"message\": \"Voted #lunch (#pizza).\"}").get("hashtags")).isEqualTo("#lunch #pizza");
        Map<String, Object> original = Interactions.storedPost();
        original.put("hashtags", "#kept");
        PostUpdater.Result same = apply(original, "{\"message\": \"Lunch?\"}");
        assertThat(same.post().get("hashtags")).isEqualTo("#kept");
    }

    @Test
    void anOmittedMessageEmptiesThePost() {
        Map<String, Object> post = updated("{\"file_ids\": [\"file1\"]}");
        assertThat(post.get("message")).isEqualTo("");
        assertThat(post.get("edit_at")).isEqualTo(COMPLETED_AT);
    }

    @Test
    void omittedFileIdsDetachTheFilesAndMarkTheEdit() {
        Map<String, Object> post = updated("{\"message\": \"Lunch?\"}");
        assertThat(post.get("file_ids")).isEqualTo(List.of());
        assertThat(post.get("edit_at")).isEqualTo(COMPLETED_AT);
    }

    @Test
    void anUnchangedMessageFilesAndAttachmentsLeaveEditAtAlone() {
        Map<String, Object> post = updated("{\"message\": \"Lunch?\", \"file_ids\": [\"file1\"]}");
        assertThat(post.get("edit_at")).isEqualTo(0L);
        assertThat(post.get("update_at")).isEqualTo(COMPLETED_AT);
    }

    @Test
    void pinnedReactionsTypeAuthorChannelRootAndCreationAreTheOriginals() {
        Map<String, Object> post = updated("{\"id\": \"somethingelse\", \"is_pinned\": false, "
                + "\"has_reactions\": false, \"type\": \"custom_x\", \"user_id\": \"someoneelse\", "
                + "\"channel_id\": \"elsewhere\", \"root_id\": \"another\", \"create_at\": 5, \"message\": \"m\"}");
        assertThat(post).containsEntry("id", CLICKED_POST_ID).containsEntry("is_pinned", true)
                .containsEntry("has_reactions", true).containsEntry("type", "slack_attachment")
                .containsEntry("user_id", Fixtures.CREATOR_ID).containsEntry("channel_id", Fixtures.CHANNEL_ID)
                .containsEntry("root_id", "").containsEntry("create_at", CREATED_AT);
    }

    @Test
    void metadataComesFromTheUpdateWithoutEmbedsOrIsKept() {
        assertThat(updated("{\"message\": \"m\"}").get("metadata"))
                .isEqualTo(Map.of("priority", Map.of("priority", "important")));
        assertThat(updated("{\"metadata\": {\"priority\": {\"priority\": \"urgent\"}, \"embeds\": [{\"type\": "
                + "\"link\"}]}}").get("metadata")).isEqualTo(Map.of("priority", Map.of("priority", "urgent")));
    }

    @Test
    void aMessageOverTheLimitIsRefusedAsMattermostRefusesIt() {
        assertThat(apply(Interactions.storedPost(), "{\"message\": \"" + "é".repeat(16383) + "\"}").error())
                .isNull();
        AppError error = apply(Interactions.storedPost(), "{\"message\": \"" + "é".repeat(16384) + "\"}").error();
        assertThat(error.id()).isEqualTo("model.post.is_valid.message_length.app_error");
        assertThat(error.message()).isEqualTo("Post Message property is longer than the maximum permitted length.");
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.detailedError()).contains("id=" + CLICKED_POST_ID);
    }

    @Test
    void propsOverTheLimitAreRefused() {
        AppError error = apply(Interactions.storedPost(), "{\"props\": {\"big\": \"" + "x".repeat(800000) + "\"}}")
                .error();
        assertThat(error).isEqualTo(new AppError("model.post.is_valid.props.app_error", "Invalid props.",
                error.detailedError(), 400));
        assertThat(error.detailedError()).startsWith("id=" + CLICKED_POST_ID);
    }

    @Test
    void aDeletedPostOrASystemMessageCannotBeUpdated() {
        Map<String, Object> deleted = Interactions.storedPost();
        deleted.put("delete_at", CREATED_AT + 1);
        assertThat(apply(deleted, "{\"message\": \"m\"}").error()).isEqualTo(new AppError(
                "api.post.update_post.permissions_details.app_error", "Already deleted id=" + CLICKED_POST_ID + ".",
                "", 400));
        Map<String, Object> system = Interactions.storedPost();
        system.put("type", "system_join_channel");
        assertThat(apply(system, "{\"message\": \"m\"}").error().id())
                .isEqualTo("api.post.update_post.system_message.app_error");
    }

    @Test
    void theOriginalPostIsNotChanged() {
        Map<String, Object> original = Interactions.storedPost();
        apply(original, "{\"props\": {\"attachments\": [{\"actions\": [{\"name\": \"n\"}]}]}, \"message\": \"m\"}");
        assertThat(original).isEqualTo(Interactions.storedPost());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attachments(Map<String, Object> post) {
        return (List<Map<String, Object>>) props(post).get("attachments");
    }

    @Test
    void anUpdatesAttachmentsLoseAHostileLinkABadColourAndAnActionWithoutIntegrationEachReported() {
        // given an update whose attachment has a javascript: title link, a colour Mattermost does not know, and an
        // action with nowhere to send a click, next to a valid action
        PostUpdater.Result result = apply(Interactions.storedPost(), "{\"props\": {\"attachments\": [{"
                + "\"title\": \"Poll\", \"title_link\": \"javascript:alert(document.cookie)\", \"color\": \"red\", "
                + "\"text\": \"Voted\", \"actions\": [{\"type\": \"button\", \"name\": \"Lost\"}, "
                + "{\"type\": \"button\", \"name\": \"Undo\", \"integration\": {\"url\": \"http://127.0.0.1:9/undo\"}}]}]}}");

        // then the post is stored without them, the rest as sent, and each removal is reported in the sanitiser's words
        assertThat(result.error()).isNull();
        Map<String, Object> attachment = attachments(result.post()).get(0);
        assertThat(attachment).doesNotContainKeys("title_link", "color").containsEntry("title", "Poll")
                .containsEntry("text", "Voted");
        assertThat(attachment.get("actions")).isEqualTo(List.of(Map.of("id", PostActions.generatedId(EVENT_ID, 0, 0),
                "type", "button", "name", "Undo", "integration", Map.of("url", "http://127.0.0.1:9/undo"))));
        assertThat(result.removed()).containsExactly(
                "update.props.attachments[0].color 'red' is not good, warning, danger or #RRGGBB",
                "update.props.attachments[0].title_link is not an http(s) URL",
                "update.props.attachments[0].actions[0] removed: it has no integration");
    }

    @Test
    void slackTextInAnUpdatesAttachmentIsStoredAsWritten() {
        // given Slack markup that a webhook's answer would have rewritten, and a field value that is not a string
        Map<String, Object> post = updated("{\"props\": {\"attachments\": [{\"pretext\": \"<!here> <https://a.example|A>\","
                + " \"title\": \"<!all>\", \"text\": \"<!channel> see <https://b.example|B>\", \"fields\": [{\"title\": "
                + "\"votes\", \"value\": 42, \"short\": true}, {\"title\": \"who\", \"value\": \"<!channel>\"}]}]}}");

        // then nothing is rewritten or stringified: Mattermost runs no Slack processing on an action's update
        assertThat(attachments(post).get(0)).containsEntry("pretext", "<!here> <https://a.example|A>")
                .containsEntry("title", "<!all>").containsEntry("text", "<!channel> see <https://b.example|B>")
                .containsEntry("fields", List.of(Map.of("title", "votes", "value", 42, "short", true),
                        Map.of("title", "who", "value", "<!channel>", "short", false)));
    }

    @Test
    void attachmentsThatDoNotDecodeAreDroppedAsMattermostDropsThemOnSave() {
        // given attachments Go cannot decode into its typed attachment, a null one, and null actions and fields
        PostUpdater.Result result = apply(Interactions.storedPost(), "{\"props\": {\"attachments\": ["
                + "{\"id\": \"seven\", \"text\": \"bad id\"},"
                + "{\"text\": \"kept\", \"fields\": [null], \"actions\": [null, {\"type\": \"button\", \"name\": \"Go\", "
                + "\"integration\": {\"url\": \"http://127.0.0.1:9/go\"}}]},"
                + "{\"fields\": [{\"title\": \"t\", \"short\": 3}]},"
                + "null]}}");

        // then only the decodable ones are stored (null as an empty one), ids counted in what is stored
        assertThat(result.error()).isNull();
        assertThat(attachments(result.post())).containsExactly(
                Map.of("text", "kept", "actions", List.of(Map.of("id", PostActions.generatedId(EVENT_ID, 0, 0),
                        "type", "button", "name", "Go", "integration", Map.of("url", "http://127.0.0.1:9/go")))),
                Map.of());
        assertThat(result.removed()).hasSize(2);
        assertThat(result.removed().get(0)).startsWith("update.props.attachments[0] dropped")
                .endsWith("id must be a whole number, got a string").doesNotContain("seven");
        assertThat(result.removed().get(1)).startsWith("update.props.attachments[2] dropped")
                .contains("fields[0].short must be");
    }

    @Test
    void attachmentsThatAreNotAListAreStoredAsNull() {
        PostUpdater.Result result = apply(Interactions.storedPost(), "{\"props\": {\"attachments\": \"<script>\"}}");
        assertThat(props(result.post())).containsEntry("attachments", null);
        assertThat(result.removed()).containsExactly(
                "update.props.attachments is not a list: stored as null, as Mattermost stores it");
    }

    @Test
    void keptOriginalPropsAreNotReworked() {
        // given an update without props: the chat server's stored attachments stay exactly as they were
        PostUpdater.Result result = apply(Interactions.storedPost(), "{\"message\": \"m\"}");
        assertThat(result.removed()).isEmpty();
        assertThat(props(result.post())).isEqualTo(props(Interactions.storedPost()));
    }

    @Test
    void aPostTooLargeForACommandIsRefusedWithTheErrorOfItsLargestPart() {
        Map<String, Object> post = updated("{\"message\": \"m\"}");
        post.put("props", Map.of("big", "é".repeat(600000)));
        AppError props = PostUpdater.tooLarge(post, 1_200_321);
        assertThat(props.id()).isEqualTo("model.post.is_valid.props.app_error");
        assertThat(props.message()).isEqualTo("Invalid props.");
        assertThat(props.statusCode()).isEqualTo(400);
        assertThat(props.detailedError()).startsWith("id=" + CLICKED_POST_ID + ": the updated post would be "
                + "1200321 bytes").contains("props 1200010 bytes");

        post.put("props", Map.of());
        post.put("message", "é".repeat(600000));
        AppError message = PostUpdater.tooLarge(post, 1_200_321);
        assertThat(message.id()).isEqualTo("model.post.is_valid.message_length.app_error");
        assertThat(message.message()).isEqualTo("Post Message property is longer than the maximum permitted length.");
        assertThat(message.statusCode()).isEqualTo(400);
    }
}
