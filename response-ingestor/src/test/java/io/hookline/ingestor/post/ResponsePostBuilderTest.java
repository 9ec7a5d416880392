package io.hookline.ingestor.post;

import static io.hookline.ingestor.testing.Fixtures.CHANNEL_ID;
import static io.hookline.ingestor.testing.Fixtures.CREATOR_ID;
import static io.hookline.ingestor.testing.Fixtures.POST_ID;
import static io.hookline.ingestor.testing.Fixtures.THREAD_ROOT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.ingestor.response.ResponseReader;
import io.hookline.ingestor.response.WebhookResponse;
import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.schemas.command.CommandOrigin;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.Ids;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponsePostBuilderTest {

    private static final PostOverrides OFF = new PostOverrides(false, false);
    private static final PostOverrides ON = new PostOverrides(true, true);

    private static WebhookResponse response(String json) {
        return new ResponseReader().read(json).orElseThrow();
    }

    private static CommandPost single(PostOverrides overrides, String json, WebhookTrigger trigger) {
        PostPlan plan = new ResponsePostBuilder(overrides).build(response(json), trigger);
        assertThat(plan.parts()).hasSize(1);
        return plan.parts().get(0);
    }

    private static CommandPost single(PostOverrides overrides, String json) {
        return single(overrides, json, Fixtures.trigger());
    }

    @Test
    void aTextResponseBecomesAPostInTheTriggeringChannelByTheHookCreator() {
        CommandPost post = single(OFF, "{\"text\": \"<!channel> pong <https://a.example|A>\"}");
        assertThat(post.channelId()).isEqualTo(CHANNEL_ID);
        assertThat(post.userId()).isEqualTo(CREATOR_ID);
        assertThat(post.rootId()).isEmpty();
        assertThat(post.message()).isEqualTo("@channel pong [A](https://a.example)");
        assertThat(post.type()).isEmpty();
        assertThat(post.props()).isEqualTo(Map.of("from_webhook", "true", "webhook_display_name", "Deploy Bot"));
        assertThat(post.metadata()).isNull();
    }

    @Test
    void noTextAndNoAttachmentsIsNoPost() {
        assertThat(new ResponsePostBuilder(OFF).build(response("{\"username\": \"x\", \"props\": {\"a\": 1}}"),
                Fixtures.trigger()).parts()).isEmpty();
    }

    @Test
    void aCommentGoesToTheThreadOfTheTriggeringPost() {
        assertThat(single(OFF, "{\"text\": \"a\", \"response_type\": \"comment\"}").rootId()).isEqualTo(POST_ID);
        WebhookTrigger reply = Fixtures.trigger(Ids.deterministic("reply"), THREAD_ROOT_ID);
        assertThat(single(OFF, "{\"text\": \"a\", \"response_type\": \"comment\"}", reply).rootId())
                .isEqualTo(THREAD_ROOT_ID);
        assertThat(single(OFF, "{\"text\": \"a\", \"response_type\": \"in_channel\"}", reply).rootId()).isEmpty();
    }

    @Test
    void overridesOffNeverShowAnOverrideWhateverTheResponseSays() {
        CommandPost post = single(OFF, """
                {"text": "a", "username": "mallory", "icon_url": "https://evil.example/i.png",
                 "props": {"override_username": "admin", "override_icon_url": "https://evil.example/i.png",
                           "from_webhook": "false", "webhook_display_name": "spoof", "card": "c"}}
                """);
        assertThat(post.props()).isEqualTo(Map.of("from_webhook", "true", "webhook_display_name", "Deploy Bot",
                "card", "c"));
    }

    @Test
    void overridesOnTakeTheResponseValueThenTheHookDefault() {
        CommandPost fromResponse = single(ON, "{\"text\": \"a\", \"username\": \"resp\", "
                + "\"icon_url\": \"https://r.example/i.png\", \"props\": {\"override_username\": \"no\"}}");
        assertThat(fromResponse.props()).containsEntry("override_username", "resp")
                .containsEntry("override_icon_url", "https://r.example/i.png");
        CommandPost fromHook = single(ON, "{\"text\": \"a\"}");
        assertThat(fromHook.props()).containsEntry("override_username", "deploybot")
                .containsEntry("override_icon_url", "https://example.invalid/i.png");
        CommandPost defaults = single(ON, "{\"text\": \"a\"}", Fixtures.triggerWithoutDefaults());
        assertThat(defaults.props()).containsEntry("override_username", "webhook")
                .doesNotContainKey("override_icon_url")
                .containsEntry("webhook_display_name", "");
    }

    @Test
    void usernameAndIconSwitchesAreIndependent() {
        assertThat(single(new PostOverrides(true, false), "{\"text\": \"a\"}").props())
                .containsKey("override_username").doesNotContainKey("override_icon_url");
        assertThat(single(new PostOverrides(false, true), "{\"text\": \"a\"}").props())
                .doesNotContainKey("override_username").containsKey("override_icon_url");
    }

    @Test
    void aNonHttpIconIsDroppedAndReported() {
        PostPlan plan = new ResponsePostBuilder(ON).build(
                response("{\"text\": \"a\", \"icon_url\": \"javascript:alert(1)\"}"), Fixtures.trigger());
        assertThat(plan.parts().get(0).props()).doesNotContainKey("override_icon_url");
        assertThat(plan.removed()).containsExactly("icon_url is not an http(s) URL");
    }

    @Test
    void typeRules() {
        assertThat(single(OFF, "{\"text\": \"a\", \"type\": \"custom_poll\"}").type()).isEqualTo("custom_poll");
        assertThat(single(OFF, "{\"attachments\": [{\"text\": \"x\"}]}").type()).isEqualTo("slack_attachment");
        assertThat(single(OFF, "{\"text\": \"a\", \"type\": \"slack_attachment\"}").type())
                .isEqualTo("slack_attachment");
        assertThat(single(OFF, "{\"attachments\": [{}], \"type\": \"custom_x\"}").type()).isEqualTo("custom_x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"system_join_channel", "system_generic"})
    void systemTypesRejectTheResponse(String type) {
        assertThatThrownBy(() -> new ResponsePostBuilder(OFF).build(
                response("{\"text\": \"a\", \"type\": \"" + type + "\"}"), Fixtures.trigger()))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage("type '" + type + "' is reserved for system messages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"me", "reminder", "add_bot_teams_channels", "burn_on_read", "card", "custom_", "custom_poll"})
    void everyTypeMattermostKnowsForANewPostIsKeptAndFitsTheContract(String type) {
        CommandPost post = single(OFF, "{\"text\": \"a\", \"type\": \"" + type + "\"}");
        assertThat(post.type()).isEqualTo(type);
        CommandSchema.assertValid(new PostCommand(Ids.newId(), PostCommand.CREATE_POST, null, post,
                new CommandOrigin("h", POST_ID, "https://c.example/", "d")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus", "Custom_x", "Me", "slack_attachments", "system", "ephemeral"})
    void otherTypesRejectTheResponse(String type) {
        assertThatThrownBy(() -> new ResponsePostBuilder(OFF).build(
                response("{\"text\": \"a\", \"type\": \"" + type + "\"}"), Fixtures.trigger()))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageStartingWith("type '" + type + "' is not a Mattermost post type");
    }

    @Test
    void propsMattermostStripsOrRecomputesOnCreateAreNotCopied() {
        CommandPost post = single(OFF, """
                {"text": "a", "props": {"add_channel_member": {"user_ids": ["x"]}, "force_notification": true,
                 "channel_mentions": {"town-square": {"display_name": "Town"}}, "kept": 1}}
                """);
        assertThat(post.props()).containsOnlyKeys("from_webhook", "webhook_display_name", "kept");
    }

    @Test
    void aNullAttachmentIsDroppedAndTheRestIsPosted() {
        // Mattermost's handler dereferences the null attachment and fails; Hookline posts the rest.
        PostPlan plan = new ResponsePostBuilder(OFF).build(response(
                "{\"text\": \"a\", \"attachments\": [null, {\"title\": \"T\"}, null]}"), Fixtures.trigger());
        assertThat(plan.parts()).singleElement().satisfies(post -> {
            assertThat(post.message()).isEqualTo("a");
            assertThat(post.props().get("attachments")).isEqualTo(List.of(Map.of("title", "T")));
        });
        CommandPost onlyNull = single(OFF, "{\"text\": \"a\", \"attachments\": [null]}");
        assertThat(onlyNull.message()).isEqualTo("a");
        assertThat(onlyNull.type()).isEmpty();
        assertThat(onlyNull.props()).doesNotContainKey("attachments");
    }

    @Test
    void attachmentsAreSanitisedIntoPropsAndResponsePropsAttachmentsAreIgnored() {
        PostPlan plan = new ResponsePostBuilder(OFF).build(response("""
                {"text": "t", "props": {"attachments": [{"title_link": "javascript:x"}]},
                 "attachments": [{"title": "T", "title_link": "javascript:alert(1)", "color": "nope"}]}
                """), Fixtures.trigger());
        CommandPost post = plan.parts().get(0);
        assertThat(post.props().get("attachments")).isEqualTo(List.of(Map.of("title", "T")));
        assertThat(post.type()).isEqualTo("slack_attachment");
        assertThat(plan.removed()).hasSize(3).anyMatch(s -> s.startsWith("props.attachments ignored"));
    }

    @Test
    void priorityGoesToMetadataOfARootPostAndIsDroppedOnAComment() {
        CommandPost root = single(OFF, "{\"text\": \"a\", \"priority\": {\"priority\": \"important\", "
                + "\"requested_ack\": true}}");
        assertThat(root.metadata()).isEqualTo(Map.of("priority", Map.of("priority", "important",
                "requested_ack", true)));
        PostPlan comment = new ResponsePostBuilder(OFF).build(response("{\"text\": \"a\", \"response_type\": "
                + "\"comment\", \"priority\": {\"priority\": \"urgent\"}}"), Fixtures.trigger());
        assertThat(comment.parts().get(0).metadata()).isNull();
        assertThat(comment.removed()).singleElement().asString().startsWith("priority dropped: priority is only "
                + "allowed on root posts");
    }

    @Test
    void priorityWithoutItsValueRejectsTheResponse() {
        assertThatThrownBy(() -> new ResponsePostBuilder(OFF).build(
                response("{\"text\": \"a\", \"priority\": {\"requested_ack\": true}}"), Fixtures.trigger()))
                .isInstanceOf(ResponseFormatException.class);
    }
}
