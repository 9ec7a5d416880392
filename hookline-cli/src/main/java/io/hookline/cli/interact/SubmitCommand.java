package io.hookline.cli.interact;

import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline interact submit}: a person submits (or cancels) a dialog. */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Submit or cancel a dialog an open_dialog command opened, as a chat server would report it:",
                "publish a dialog_submission event on the interactions topic (key: the channel id) with the",
                "dialog's url, callback_id and state and the values typed as Mattermost's client sends them",
                "(bool fields as true/false, multiselect values comma-separated, others as strings; fields not",
                "given are sent with their default when they have one). Prints the event id, then the",
                "dialog_result as one JSON line. Exit 1 when none comes within --wait.",
                "The user defaults to the one the dialog was opened for; channel and team to those of the",
                "click whose trigger id opened it."},
        footer = {"", "Examples:",
                "  hookline interact submit --dialog OPEN_DIALOG_COMMAND_ID --field 'summary=Disk full on db-3' \\",
                "      --field priority=high --field urgent=true",
                "  hookline interact submit --dialog OPEN_DIALOG_COMMAND_ID --cancel"})
public final class SubmitCommand extends InteractSubcommand {

    @Option(names = "--dialog", required = true, paramLabel = "OPEN_DIALOG_COMMAND_ID",
            description = "The id of the open_dialog command that opened the dialog; last: the newest.")
    String dialog;

    @Option(names = "--field", paramLabel = "NAME=VALUE", description = "A field's value (repeatable).")
    List<String> fields = new ArrayList<>();

    @Option(names = "--cancel", description = "Cancel the dialog instead (sent only when it asks to be notified).")
    boolean cancel;

    @Option(names = "--user-id", paramLabel = "ID", description = "Who submits; default: whom the dialog is for.")
    String userId;

    @Option(names = "--username", paramLabel = "NAME", description = "Their username.")
    String username;

    @Option(names = "--channel-id", paramLabel = "ID",
            description = "The channel the dialog is submitted in; default: the click's.")
    String channelId;

    @Option(names = "--team-id", paramLabel = "ID", description = "The team; default: the click's.")
    String teamId;

    @Override
    public Integer call() {
        if (cancel && !fields.isEmpty()) {
            throw new CliFailure("--cancel takes no --field: a cancelled dialog sends no values");
        }
        for (String[] id : new String[][] {{"--user-id", userId}, {"--channel-id", channelId},
                {"--team-id", teamId}}) {
            if (id[1] != null) {
                requireId(id[0], id[1].trim());
            }
        }
        return withCommandLog(session -> {
            PostCommand open = Submissions.openDialog(dialog.trim(), session.commands());
            if (cancel && !Submissions.notifiesOnCancel(open)) {
                err().println("the dialog does not ask to be told about a cancel (notify_on_cancel is false): "
                        + "Mattermost's client sends nothing, so nothing was published");
                return ExitCodes.OK;
            }
            Map<String, Object> submission = cancel ? Map.of() : Submissions.values(open.dialog(), fields);
            InteractionEvent click = openingClick(session.clients(), session.topics(), open, session.commands());
            InteractionEvent event = Submissions.event(newInteractionId(), open, submission, cancel,
                    user(open, click), channel(open, click), team(click));
            return publishAndPrintAnswers(session, event, PostCommand.DIALOG_RESULT, Duration.ZERO);
        });
    }

    /** The click whose trigger id opened the dialog: Mattermost's client remembers its channel for the dialog. */
    private InteractionEvent openingClick(KafkaClients clients, Topics topics, PostCommand open,
                                          List<LoggedCommand> commands) {
        String clickId = Submissions.openingInteraction(open, commands);
        if (clickId == null || (channelId != null && teamId != null && userId != null && username != null)) {
            return null;
        }
        return TopicLookup.first(clients, topics.interactions(), e -> clickId.equals(e.id()));
    }

    private User user(PostCommand open, InteractionEvent click) {
        String id = userId != null ? userId.trim() : open.userId() == null ? "" : open.userId();
        if (id.isEmpty()) {
            throw new CliFailure("the open_dialog command names no user: give --user-id");
        }
        String name = username != null ? username
                : click != null && click.user() != null && id.equals(click.user().id()) ? click.user().username() : "";
        return new User(id, name);
    }

    private Channel channel(PostCommand open, InteractionEvent click) {
        Channel known = click != null ? click.channel() : null;
        if (channelId != null && (known == null || !channelId.trim().equals(known.id()))) {
            Team team = team(click);
            return new Channel(channelId.trim(), "", "", Channel.OPEN, team == null ? "" : team.id());
        }
        if (known == null) {
            throw new CliFailure("cannot tell which channel dialog " + open.id() + " was opened in (no click on "
                    + "interactions gave its trigger id): give --channel-id and --team-id");
        }
        return known;
    }

    private Team team(InteractionEvent click) {
        Team known = click != null ? click.team() : null;
        if (teamId != null && (known == null || !teamId.trim().equals(known.id()))) {
            return new Team(teamId.trim(), "", "");
        }
        return known;
    }
}
