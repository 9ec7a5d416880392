package io.hookline.dispatcher.interaction;

import static io.hookline.dispatcher.interaction.Clicks.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.schemas.Ids;
import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.PostActionCookie;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mattermost's resolution of a click (§2.2) and the rows of its error table (§2.8) that apply to Hookline. */
class ClickResolutionTest {

    private static final String URL = "https://poll.example.com/vote";
    private final ActionCookies cookies = new ActionCookies(IntegrationSecrets.generate());

    private Resolution resolve(io.hookline.schemas.interaction.InteractionEvent event) {
        return ClickResolution.resolve(event, cookies);
    }

    @Test
    void aStoredPostsActionResolvesWithTheRetainSetAndItsOwnIdAsRoot() {
        Map<String, Object> context = new LinkedHashMap<>(Map.of("choice", "pizza", "poll", 17));
        Map<String, Object> post = post("", Map.of("from_webhook", "true", "override_username", "pollbot"),
                List.of(action("pizza1", "button", URL, context)));

        Resolution r = resolve(click("pizza1", "", post));

        assertThat(r.isRefused()).isFalse();
        assertThat(r.action()).isEqualTo(new PostActionCookie("button", POST_ID, POST_ID, CHANNEL_ID, "",
                new ActionIntegration(URL, context), Map.of("from_webhook", "true", "override_username", "pollbot"),
                List.of("override_icon_url")));
    }

    @Test
    void aReplysRootIsItsThreadAndAPostWithoutTheKeysRemovesAllThree() {
        Map<String, Object> post = post(ROOT_ID, Map.of(), List.of(action("where", "select", URL, null)));
        Resolution r = resolve(click("where", "", post));
        assertThat(r.action().rootPostId()).isEqualTo(ROOT_ID);
        assertThat(r.action().postId()).isEqualTo(POST_ID);
        assertThat(r.action().retainProps()).isEmpty();
        assertThat(r.action().removeProps()).containsExactly("from_webhook", "override_username",
                "override_icon_url");
        assertThat(r.action().integration().context()).isNull();
    }

    @Test
    void aRetainedKeyKeepsItsValueEvenWhenItIsNotAString() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("from_webhook", true);
        props.put("override_icon_url", null);
        Resolution r = resolve(click("a1", "", post("", props, List.of(action("a1", "button", URL, null)))));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("from_webhook", true);
        expected.put("override_icon_url", null);
        assertThat(r.action().retainProps()).isEqualTo(expected);
        assertThat(r.action().removeProps()).containsExactly("override_username");
    }

    @Test
    void theFirstMatchAcrossAttachmentsWinsEvenWithoutAnIntegration() {
        Map<String, Object> post = post("", Map.of(),
                List.of(action("other", "button", URL, null)),
                List.of(action("dup", "button", null, null)),
                List.of(action("dup", "button", URL, null)));
        assertThat(resolve(click("dup", "", post)).refusal()).satisfies(e -> {
            assertThat(e.id()).isEqualTo("api.post.do_action.action_id.app_error");
            assertThat(e.message()).isEqualTo("Invalid action id.");
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.detailedError()).contains("has no integration");
        });

        Map<String, Object> later = post("", Map.of(),
                List.of(action("first", "button", "https://a.example/1", null)),
                List.of(action("second", "button", "https://b.example/2", null)));
        assertThat(resolve(click("second", "", later)).action().integration().url())
                .isEqualTo("https://b.example/2");
    }

    @Test
    void anActionNotOnThePostIsAnInvalidActionId() {
        Map<String, Object> post = post("", Map.of(), List.of(action("a1", "button", URL, null)));
        AppError e = resolve(click("nosuch", "", post)).refusal();
        assertThat(e.id()).isEqualTo("api.post.do_action.action_id.app_error");
        assertThat(e.statusCode()).isEqualTo(404);

        Map<String, Object> bare = new LinkedHashMap<>(post);
        bare.put("props", Map.of("attachments", "not a list"));
        assertThat(resolve(click("a1", "", bare)).refusal().id()).isEqualTo("api.post.do_action.action_id.app_error");
    }

    @Test
    void anActionIdMattermostsRouteCannotReachIsRefused() {
        Map<String, Object> post = post("", Map.of(), List.of(action("do_it", "button", URL, null)));
        AppError e = resolve(click("do_it", "", post)).refusal();
        assertThat(e.id()).isEqualTo("api.post.do_action.action_id.app_error");
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(resolve(click("", "", post)).refusal().statusCode()).isEqualTo(404);
    }

    @Test
    void neitherPostNorCookieIsPostNotFound() {
        AppError e = resolve(cookieClick("a1", "", "")).refusal();
        assertThat(e.id()).isEqualTo("app.post.get.app_error");
        assertThat(e.message()).isEqualTo("Unable to get the post.");
        assertThat(e.statusCode()).isEqualTo(404);
    }

    private PostActionCookie cookie(String postId, String channelId, ActionIntegration integration) {
        return new PostActionCookie("select", postId, postId, channelId, "users", integration,
                Map.of("from_webhook", "true"), List.of("override_username", "override_icon_url"));
    }

    @Test
    void aSealedCookieResolvesToWhatItCarries() {
        PostActionCookie sealed = cookie(POST_ID, CHANNEL_ID, new ActionIntegration(URL, Map.of("step", 2)));
        Resolution r = resolve(cookieClick("anyid", "u1", cookies.seal(sealed)));
        assertThat(r.action()).isEqualTo(sealed);
    }

    @Test
    void aStoredPostWinsOverACookie() {
        Map<String, Object> post = post("", Map.of(), List.of(action("a1", "button", URL, null)));
        var event = new io.hookline.schemas.interaction.InteractionEvent("post_action", EVENT_ID, "a1", "", post,
                cookies.seal(cookie(POST_ID, CHANNEL_ID, null)), "", "", "", null, false, "", ALICE, OPS, ACME);
        assertThat(resolve(event).action().type()).isEqualTo("button");
    }

    @Test
    void aCookieThatCannotBeOpenedIsAnActionIntegrationError() {
        PostActionCookie c = cookie(POST_ID, CHANNEL_ID, new ActionIntegration(URL, null));
        String foreign = new ActionCookies(IntegrationSecrets.generate()).seal(c);
        String tampered = Base64.getEncoder().encodeToString(flipLast(Base64.getDecoder().decode(cookies.seal(c))));
        for (String bad : List.of("not base64!", "c2hvcnQ=", foreign, tampered)) {
            AppError e = resolve(cookieClick("a1", "", bad)).refusal();
            assertThat(e.id()).as(bad).isEqualTo("api.post.do_action.action_integration.app_error");
            assertThat(e.message()).isEqualTo("Action integration error.");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.detailedError()).isNotBlank().doesNotContain(bad);
        }
        assertThat(resolve(cookieClick("a1", "", "c2hvcnQ=")).refusal().detailedError()).isEqualTo("cookie too short");
    }

    private static byte[] flipLast(byte[] b) {
        b[b.length - 1] ^= 1;
        return b;
    }

    @Test
    void aCookieWithoutIntegrationOrPostIdOrOfAnotherChannelIsRefused() {
        AppError noIntegration = resolve(cookieClick("a1", "", cookies.seal(cookie(POST_ID, CHANNEL_ID, null))))
                .refusal();
        assertThat(noIntegration.id()).isEqualTo("api.post.do_action.action_integration.app_error");
        assertThat(noIntegration.detailedError()).isEqualTo("no Integration in action cookie");
        assertThat(noIntegration.statusCode()).isEqualTo(400);

        AppError noPost = resolve(cookieClick("a1", "", cookies.seal(cookie("", CHANNEL_ID,
                new ActionIntegration(URL, null))))).refusal();
        assertThat(noPost.id()).isEqualTo("api.post.do_action.action_integration.app_error");
        assertThat(noPost.detailedError()).isEqualTo("postId doesn't match");

        AppError otherChannel = resolve(cookieClick("a1", "", cookies.seal(cookie(POST_ID,
                Ids.deterministic("channel", "elsewhere"), new ActionIntegration(URL, null))))).refusal();
        assertThat(otherChannel.id()).isEqualTo("api.context.permissions.app_error");
        assertThat(otherChannel.message()).isEqualTo("You do not have the appropriate permissions.");
        assertThat(otherChannel.detailedError()).isEqualTo("userId=" + USER_ID + ", permission=read_channel_content");
        assertThat(otherChannel.statusCode()).isEqualTo(403);
    }
}
