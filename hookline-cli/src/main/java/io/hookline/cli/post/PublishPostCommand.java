package io.hookline.cli.post;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline post}: publishes one post event on {@code posts}, keyed by its channel id. */
@Command(name = "post", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish a post event (as a chat server bridge would) on the posts topic and print its post id.",
                "Give the post with flags, or as a JSON post event with --file FILE (--file - reads stdin)."},
        footer = {"", "Examples:",
                "  hookline post --team-id TEAM_ID --channel-id CHANNEL_ID --user-id USER_ID --username alice \\",
                "      --channel-name town-square --message 'ping'",
                "  hookline post --file post-event.json",
                "  echo '{\"post\": {...}, \"channel\": {...}, \"team\": {...}, \"user\": {...}}' | hookline post --file -"})
public final class PublishPostCommand extends HooklineSubcommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one of: the flags of a post, or a file. */
    static final class Source {
        @ArgGroup(exclusive = false)
        Flags flags;

        @Option(names = "--file", paramLabel = "FILE", required = true,
                description = "JSON post event to publish; - reads standard input. A missing post id or "
                        + "create_at is generated.")
        String file;
    }

    static final class Flags {
        @Option(names = "--channel-id", required = true, paramLabel = "ID") String channelId;
        @Option(names = "--team-id", required = true, paramLabel = "ID") String teamId;
        @Option(names = "--user-id", required = true, paramLabel = "ID", description = "Author.") String userId;
        @Option(names = "--message", required = true, paramLabel = "TEXT") String message;
        @Option(names = "--username", paramLabel = "NAME", defaultValue = "", description = "Author's username.")
        String username;
        @Option(names = "--channel-type", paramLabel = "TYPE", defaultValue = "O",
                description = "O public (default), P private, D direct, G group.") String channelType;
        @Option(names = "--channel-name", paramLabel = "NAME", defaultValue = "",
                description = "Channel URL name (sent as channel_name).") String channelName;
        @Option(names = "--team-name", paramLabel = "NAME", defaultValue = "",
                description = "Team URL name (sent as team_domain).") String teamName;
        @Option(names = "--root-id", paramLabel = "ID", defaultValue = "",
                description = "Thread root when the post is a reply.") String rootId;

        PostFlags toPostFlags() {
            return new PostFlags(channelId.trim(), teamId.trim(), userId.trim(), username, message,
                    channelType.trim(), channelName, teamName, rootId.trim());
        }
    }

    private final PostEvents events;

    public PublishPostCommand() {
        this(PostEvents.standard());
    }

    PublishPostCommand(PostEvents events) {
        this.events = events;
    }

    @Override
    public Integer call() {
        PostEvent event;
        List<String> problems;
        if (source.flags != null) {
            PostFlags flags = source.flags.toPostFlags();
            problems = PostEvents.problems(flags);
            event = problems.isEmpty() ? events.fromFlags(flags) : null;
        } else {
            event = events.complete(readDocument(source.file));
            problems = event.problems();
        }
        if (!problems.isEmpty()) {
            err().println("error: the post is not valid, nothing was published:");
            problems.forEach(p -> err().println("  " + p));
            return ExitCodes.FAILURE;
        }
        HooklineConfig config = clientConfig();
        TopicSetup.ensure(config);
        KafkaClients clients = new KafkaClients(config);
        Topic<String, PostEvent> topic = TopicSettings.topics(config).posts();
        clients.send(topic.keySerde().serializer(), topic.valueSerde().serializer(),
                List.of(new ProducerRecord<>(topic.name(), event.post().channelId(), event)), m -> { }, "the post");
        out().println(event.post().id());
        return ExitCodes.OK;
    }

    private PostEvent readDocument(String file) {
        byte[] bytes;
        try {
            if (file.equals("-")) {
                bytes = stdin().readAllBytes();
            } else {
                bytes = Files.readAllBytes(Path.of(file));
            }
        } catch (IOException e) {
            throw new CliFailure("cannot read " + (file.equals("-") ? "standard input" : file) + ": " + e, e);
        }
        try {
            PostEvent event = JsonSerde.of(PostEvent.class).fromBytes(bytes);
            if (event == null) {
                throw new CliFailure("the post event document is empty");
            }
            return event;
        } catch (SerializationException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }
}
