package io.hookline.cli.interact;

import io.hookline.schemas.command.PostCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Which commands on {@code post-commands} answer one interaction: those naming its id, ending with its result
 * ({@code action_result} or {@code dialog_result}); and, for a click, the {@code open_dialog} carrying the trigger id
 * the click's result gave (Mattermost's client opens only that dialog). The dialog is keyed by user, so it may be read
 * before the result: it waits here until the result says whether it is this click's.
 */
final class Answers {

    private final String interactionId;
    private final String resultType;
    private final List<PostCommand> unmatchedDialogs = new ArrayList<>();
    private String clientTriggerId = "";
    private boolean resultSeen;
    private boolean dialogSeen;

    Answers(String interactionId, String resultType) {
        this.interactionId = interactionId;
        this.resultType = resultType;
    }

    /** The commands {@code c} makes known as answers, in the order to show them (often none or just {@code c}). */
    List<PostCommand> offer(PostCommand c) {
        List<PostCommand> answers = new ArrayList<>();
        if (interactionId.equals(c.interactionId())) {
            answers.add(c);
            if (PostCommand.OPEN_DIALOG.equals(c.type())) {
                dialogSeen = true;
            }
            if (resultType.equals(c.type())) {
                resultSeen = true;
                if (c.actionResponse() != null && c.actionResponse().triggerId() != null) {
                    clientTriggerId = c.actionResponse().triggerId();
                    for (PostCommand d : unmatchedDialogs) {
                        if (opensOurDialog(d)) {
                            answers.add(d);
                        }
                    }
                    unmatchedDialogs.clear();
                }
            }
        } else if (PostCommand.OPEN_DIALOG.equals(c.type())) {
            if (opensOurDialog(c)) {
                answers.add(c);
            } else if (!resultSeen) {
                unmatchedDialogs.add(c);
            }
        }
        return answers;
    }

    private boolean opensOurDialog(PostCommand c) {
        boolean ours = !clientTriggerId.isEmpty() && c.dialog() != null
                && clientTriggerId.equals(c.dialog().path("trigger_id").asText(""));
        dialogSeen |= ours;
        return ours;
    }

    boolean resultSeen() {
        return resultSeen;
    }

    /** The short trigger id the result gave the client; empty when none (a failed click, a dialog result). */
    String clientTriggerId() {
        return clientTriggerId;
    }

    boolean dialogSeen() {
        return dialogSeen;
    }
}
