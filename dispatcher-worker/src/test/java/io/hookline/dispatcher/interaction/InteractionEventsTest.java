package io.hookline.dispatcher.interaction;

import static io.hookline.dispatcher.interaction.Clicks.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.Ids;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteractionEventsTest {

    private static final Map<String, Object> POST = post("", Map.of(),
            List.of(action("a1", "button", "https://x.example/", null)));

    @Test
    void completeEventsOfEachTypeAreUsable() {
        assertThat(InteractionEvents.problem(click("a1", "", POST))).isNull();
        assertThat(InteractionEvents.problem(cookieClick("a1", "", "c"))).isNull();
        assertThat(InteractionEvents.problem(InteractionEvent.dialogSubmission(EVENT_ID, "https://x.example/", "cb",
                "", Map.of(), false, "", ALICE, OPS, null))).isNull();
        assertThat(InteractionEvents.problem(InteractionEvent.dialogLookup(EVENT_ID, "", "cb", "", null, ALICE, OPS,
                ACME))).as("an empty url is Mattermost's refusal, not a broken record").isNull();
    }

    @Test
    void anEventNobodyCouldAnswerNamesItsProblem() {
        assertThat(InteractionEvents.problem(new InteractionEvent("click", EVENT_ID, "a1", "", POST, "", "", "", "",
                null, false, "", ALICE, OPS, ACME))).startsWith("type 'click' is none of post_action");
        assertThat(InteractionEvents.problem(InteractionEvent.postAction("short", "a1", "", POST, ALICE, OPS, ACME)))
                .startsWith("id is missing or not a valid id");
        assertThat(InteractionEvents.problem(InteractionEvent.postAction(EVENT_ID, "a1", "", POST, null, OPS, ACME)))
                .startsWith("user.id is missing");
        assertThat(InteractionEvents.problem(InteractionEvent.postAction(EVENT_ID, "a1", "", POST,
                new User("", "alice"), OPS, ACME))).startsWith("user.id is missing");
        assertThat(InteractionEvents.problem(InteractionEvent.postAction(EVENT_ID, "a1", "", POST, ALICE, null,
                ACME))).startsWith("channel.id is missing");
        assertThat(InteractionEvents.problem(InteractionEvent.postAction(EVENT_ID, "a1", "", POST, ALICE,
                new Channel("x", "ops", "", "O", TEAM_ID), ACME))).startsWith("channel.id is missing");
    }

    @Test
    void aStoredPostMustBeAPostOfTheEventsChannel() {
        Map<String, Object> noId = new LinkedHashMap<>(POST);
        noId.remove("id");
        assertThat(InteractionEvents.problem(click("a1", "", noId))).startsWith("post.id is missing");
        Map<String, Object> elsewhere = new LinkedHashMap<>(POST);
        elsewhere.put("channel_id", Ids.deterministic("channel", "elsewhere"));
        assertThat(InteractionEvents.problem(click("a1", "", elsewhere)))
                .isEqualTo("post.channel_id is not channel.id: the post is in another channel");
        Map<String, Object> noChannel = new LinkedHashMap<>(POST);
        noChannel.remove("channel_id");
        assertThat(InteractionEvents.problem(click("a1", "", noChannel))).isNull();
        Map<String, Object> badRoot = new LinkedHashMap<>(POST);
        badRoot.put("root_id", 7);
        assertThat(InteractionEvents.problem(click("a1", "", badRoot))).isEqualTo("post.root_id is not a string");
        Map<String, Object> badProps = new LinkedHashMap<>(POST);
        badProps.put("props", List.of());
        assertThat(InteractionEvents.problem(click("a1", "", badProps))).isEqualTo("post.props is not an object");
    }
}
