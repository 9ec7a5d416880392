package io.hookline.cli.interact;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.schemas.command.CommandOrigin;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline interact click}: a person clicks a button or picks a menu option of a post. */
@Command(name = "click", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Click a button or pick a menu option of a post, as a chat server would report it: publish a",
                "post_action event on the interactions topic (key: the channel id) with the post as stored, the",
                "user, channel and team. Prints the event id, then each command answering it on post-commands",
                "(update_post, ephemeral_post, action_result, and a dialog the integration opens with the click's",
                "trigger id) as one JSON line. Exit 1 when no action_result comes within --wait.",
                "The post: --post is the id of the create_post command that made it (this emulation stores each",
                "post under the id of its command; a real chat server gives it its own id); every later",
                "update_post for it is applied, so a second click sees the updated post."},
        footer = {"", "Examples:",
                "  hookline interact click --post POST_COMMAND_ID --action 'Create ticket' \\",
                "      --user-id bob00000000000000000000001 --username bob",
                "  hookline interact click --post POST_COMMAND_ID --action Priority --option high \\",
                "      --user-id bob00000000000000000000001 --username bob --team-name engineering"})
public final class ClickCommand extends InteractSubcommand {

    @Option(names = "--post", required = true, paramLabel = "POST_COMMAND_ID",
            description = "The id of the create_post (or ephemeral_post) command whose post is clicked; last: the "
                    + "newest create_post.")
    String post;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** The action, by its label or by its id. */
    static final class Which {
        @Option(names = "--action", required = true, paramLabel = "NAME",
                description = "The button's label or the menu's name (when several share it: --action-id).")
        String name;

        @Option(names = "--action-id", required = true, paramLabel = "ID", description = "The action's id.")
        String id;
    }

    @Option(names = "--option", paramLabel = "VALUE",
            description = "For a menu: the chosen option's value (a user or channel id for those menus).")
    String option;

    @Option(names = "--user-id", required = true, paramLabel = "ID", description = "Who clicks.")
    String userId;

    @Option(names = "--username", required = true, paramLabel = "NAME", description = "Their username.")
    String username;

    @Option(names = "--channel-name", paramLabel = "NAME",
            description = "The channel's URL name; default: as the post that triggered the hook said.")
    String channelName;

    @Option(names = "--team-id", paramLabel = "ID",
            description = "The channel's team; default: as the post that triggered the hook said.")
    String teamId;

    @Option(names = "--team-name", paramLabel = "NAME",
            description = "The team's URL name (team_domain); default: as the post that triggered the hook said.")
    String teamName;

    @Option(names = "--dialog-wait", converter = WaitDuration.class, defaultValue = "3s", paramLabel = "DURATION",
            description = "After the action_result, how long to watch for a dialog opened with its trigger id "
                    + "(0: not at all); default ${DEFAULT-VALUE}.")
    Duration dialogWait;

    @Override
    public Integer call() {
        requireId("--user-id", userId.trim());
        if (teamId != null) {
            requireId("--team-id", teamId.trim());
        }
        return withCommandLog(session -> {
            Clicks.Clicked clicked = Clicks.clicked(post.trim(), session.commands());
            Map<String, Object> action = Clicks.action(clicked.props(), which.name, which.id);
            String selected = Clicks.selectedOption(action, option);
            PostEvent trigger = needsTrigger()
                    ? triggeringPost(session.clients(), session.topics(), clicked.commandId(), session.commands())
                    : null;
            Channel channel = channel(clicked.channelId(), trigger);
            Team team = team(trigger);
            InteractionEvent event = Clicks.event(newInteractionId(), clicked, action, selected,
                    new User(userId.trim(), username), channel, team);
            return publishAndPrintAnswers(session, event, PostCommand.ACTION_RESULT, dialogWait);
        });
    }

    private boolean needsTrigger() {
        return channelName == null || teamId == null || teamName == null;
    }

    /** The post event that triggered the hook whose answer is the clicked post: it names the channel and team. */
    private static PostEvent triggeringPost(KafkaClients clients, Topics topics, String postCommandId,
                                            List<LoggedCommand> commands) {
        CommandOrigin origin = commands.stream().map(LoggedCommand::command)
                .filter(c -> postCommandId.equals(c.id()) && c.origin() != null).map(PostCommand::origin)
                .findFirst().orElse(null);
        if (origin == null || origin.postId() == null || origin.postId().isEmpty()) {
            return null;
        }
        return TopicLookup.first(clients, topics.posts(),
                e -> e.post() != null && origin.postId().equals(e.post().id()));
    }

    private Channel channel(String channelId, PostEvent trigger) {
        Channel known = trigger != null && trigger.channel() != null && channelId.equals(trigger.channel().id())
                ? trigger.channel() : null;
        String name = channelName != null ? channelName : known != null ? known.name() : "";
        return new Channel(channelId, name, known != null ? known.displayName() : name,
                known != null ? known.type() : Channel.OPEN, team(trigger) == null ? "" : team(trigger).id());
    }

    /** Null for a channel without a team (direct and group channels have none). */
    private Team team(PostEvent trigger) {
        Team known = trigger != null ? trigger.team() : null;
        String id = teamId != null ? teamId.trim() : known != null ? known.id() : "";
        String name = teamName != null ? teamName : known != null ? known.name() : "";
        if (id.isEmpty()) {
            return null;
        }
        return new Team(id, name, known != null && known.id().equals(id) ? known.displayName() : name);
    }
}
