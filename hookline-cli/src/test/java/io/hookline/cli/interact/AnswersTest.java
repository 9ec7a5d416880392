package io.hookline.cli.interact;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.ActionResponse;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.serde.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswersTest {

    private static PostCommand dialog(String id, String trigger) throws Exception {
        return PostCommand.openDialog(id, "", "bob", Json.mapper().readTree("{\"trigger_id\":\"" + trigger + "\"}"));
    }

    @Test
    void answersAreTheCommandsNamingTheInteractionUntilItsResult() {
        Answers answers = new Answers("click", PostCommand.ACTION_RESULT);
        PostCommand update = PostCommand.updatePost("u", "click", Map.of("id", "p"));
        assertThat(answers.offer(PostCommand.updatePost("x", "other", Map.of("id", "p")))).isEmpty();
        assertThat(answers.offer(update)).containsExactly(update);
        assertThat(answers.resultSeen()).isFalse();
        PostCommand failed = PostCommand.actionResult("r", "click", "bob", null, AppError.actionIntegration("x"));
        assertThat(answers.offer(failed)).containsExactly(failed);
        assertThat(answers.resultSeen()).isTrue();
        assertThat(answers.clientTriggerId()).isEmpty();
    }

    @Test
    void aDialogOpenedWithTheResultsTriggerIdIsShownEvenWhenReadBeforeTheResult() throws Exception {
        Answers answers = new Answers("click", PostCommand.ACTION_RESULT);
        PostCommand early = dialog("d1", "trigger1");
        PostCommand someoneElses = dialog("d0", "trigger0");
        assertThat(answers.offer(someoneElses)).isEmpty();
        assertThat(answers.offer(early)).isEmpty();
        PostCommand result = PostCommand.actionResult("r", "click", "bob", ActionResponse.ok("trigger1"), null);
        assertThat(answers.offer(result)).containsExactly(result, early);
        assertThat(answers.dialogSeen()).isTrue();

        Answers later = new Answers("click", PostCommand.ACTION_RESULT);
        later.offer(result);
        assertThat(later.dialogSeen()).isFalse();
        assertThat(later.offer(someoneElses)).isEmpty();
        PostCommand late = dialog("d2", "trigger1");
        assertThat(later.offer(late)).containsExactly(late);
        assertThat(later.dialogSeen()).isTrue();
    }
}
