package io.hookline.ingestor.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.post.PostActions;
import io.hookline.ingestor.post.PostOverrides;
import io.hookline.ingestor.post.ResponsePostBuilder;
import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actions of posts made from webhook responses get deterministic ids (Mattermost's GenerateActionIds). */
class CreatePostActionIdsTest {

    private static final String BODY = "{\"text\": \"Lunch?\", \"attachments\": ["
            + "{\"text\": \"a\", \"actions\": [{\"type\": \"button\", \"name\": \"Pizza\", "
            + "\"integration\": {\"url\": \"http://127.0.0.1:9/vote\", \"context\": {\"choice\": \"pizza\"}}},"
            + "{\"id\": \"chosenByTheIntegration\", \"type\": \"button\", \"name\": \"Soup\", "
            + "\"integration\": {\"url\": \"http://127.0.0.1:9/vote\"}}]},"
            + "{\"text\": \"b\", \"actions\": [{\"type\": \"select\", \"name\": \"Who\", \"data_source\": \"users\", "
            + "\"integration\": {\"url\": \"http://127.0.0.1:9/who\"}}]}]}";

    private final OutcomeHandler handler = new OutcomeHandler(new ResponsePostBuilder(new PostOverrides(false, false)),
            true);

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(PostCommand command, int attachment) {
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) command.post().props().get("attachments");
        return (List<Map<String, Object>>) attachments.get(attachment).get("actions");
    }

    private PostCommand post(DeliveryOutcome outcome) {
        List<PostCommand> commands = ((Handling.Publish) handler.handle(outcome)).commands();
        assertThat(commands).hasSize(1);
        CommandSchema.assertValid(commands.get(0));
        return commands.get(0);
    }

    @Test
    void actionsWithoutAnIdGetOneFromTheCommandIdAndTheirPosition() {
        DeliveryOutcome outcome = Fixtures.succeeded(BODY);
        PostCommand command = post(outcome);
        assertThat(actions(command, 0)).extracting(a -> a.get("id")).containsExactly(
                PostActions.generatedId(command.id(), 0, 0), "chosenByTheIntegration");
        assertThat(actions(command, 1).get(0).get("id")).isEqualTo(PostActions.generatedId(command.id(), 1, 0));
        assertThat((String) actions(command, 0).get(0).get("id")).matches("[a-z0-9]{26}");
    }

    @Test
    void actionsKeepTheirIntegration() {
        assertThat(actions(post(Fixtures.succeeded(BODY)), 0).get(0).get("integration")).isEqualTo(Map.of(
                "url", "http://127.0.0.1:9/vote", "context", Map.of("choice", "pizza")));
    }

    @Test
    void aReplayGivesTheSameIdsAndAnotherDeliveryOthers() {
        PostCommand first = post(Fixtures.succeeded(BODY));
        assertThat(post(Fixtures.succeeded(BODY))).isEqualTo(first);
        PostCommand other = post(Fixtures.succeeded(Fixtures.trigger(io.hookline.schemas.Ids.deterministic("p2"), ""),
                BODY));
        assertThat(actions(other, 0).get(0).get("id")).isNotEqualTo(actions(first, 0).get(0).get("id"));
    }
}
