package io.hookline.cli.interact;

import io.hookline.cli.CliFailure;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Option;

/**
 * What {@code interact click} and {@code interact submit} share: publish one interaction as a chat server would, then
 * print the commands answering it as they arrive on {@code post-commands}.
 */
abstract class InteractSubcommand extends HooklineSubcommand {

    @Option(names = "--wait", converter = WaitDuration.class, defaultValue = "10s", paramLabel = "DURATION",
            description = "How long to wait for the answer; default ${DEFAULT-VALUE}.")
    Duration wait;

    /** What an interaction is built from and published with: the clients, the topics and the post-commands log. */
    record Session(KafkaClients clients, Topics topics, CommandLog log, List<LoggedCommand> commands) {
    }

    /** An interaction built from a {@link Session}; answers the command's exit code. */
    @FunctionalInterface
    interface Interaction {
        int run(Session session);
    }

    /**
     * Ensures the topics exist, reads {@code post-commands} as logged so far (the posts and dialogs to act on) and
     * runs {@code interaction} with them; the log stays open for following the answers.
     */
    final int withCommandLog(Interaction interaction) {
        HooklineConfig config = clientConfig();
        TopicSetup.ensure(config);
        KafkaClients clients = new KafkaClients(config);
        Topics topics = TopicSettings.topics(config);
        try (CommandLog log = new CommandLog(clients, topics.postCommands(), err())) {
            return interaction.run(new Session(clients, topics, log, log.readAll()));
        }
    }

    /**
     * Publishes {@code event} on the interactions topic (key: its channel id), prints its id and then each answering
     * command as one JSON line, until the command of {@code resultType}; for a click, then up to {@code dialogWait}
     * for a dialog opened with the click's trigger id.
     *
     * @throws CliFailure when no result comes within {@code --wait}
     */
    int publishAndPrintAnswers(Session session, InteractionEvent event, String resultType, Duration dialogWait) {
        KafkaClients clients = session.clients();
        Topic<String, InteractionEvent> interactions = session.topics().interactions();
        CommandLog log = session.log();
        clients.send(interactions.keySerde().serializer(), interactions.valueSerde().serializer(),
                List.of(new ProducerRecord<>(interactions.name(), event.channel().id(), event)), m -> { },
                "the interaction");
        PrintWriter out = out();
        out.println(event.id());
        out.flush();
        err().println("published " + event.type() + " " + event.id() + " on " + interactions.name()
                + "; waiting up to " + shown(wait) + " for the answer on post-commands");
        err().flush();
        Answers answers = new Answers(event.id(), resultType);
        log.follow(c -> answers.offer(c).forEach(a -> print(out, a)), answers::resultSeen, wait);
        if (!answers.resultSeen()) {
            throw new CliFailure("no " + resultType + " for interaction " + event.id() + " on post-commands within "
                    + shown(wait) + ": are the dispatcher and the ingestor running (`hookline up`)? The event "
                    + "stays on " + interactions.name() + " and is answered once they run.");
        }
        if (!answers.clientTriggerId().isEmpty() && !answers.dialogSeen() && !dialogWait.isZero()) {
            log.follow(c -> answers.offer(c).forEach(a -> print(out, a)), answers::dialogSeen, dialogWait);
        }
        return ExitCodes.OK;
    }

    /** A new interaction id, as Mattermost's server would make one. */
    static String newInteractionId() {
        return Ids.newId();
    }

    private static String shown(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    static void requireId(String option, String value) {
        if (!Ids.isValid(value)) {
            throw new CliFailure(option + ": must be " + Ids.RULE + " (a Mattermost id), got '" + value + "'");
        }
    }

    private void print(PrintWriter out, PostCommand command) {
        try {
            out.println(Json.mapper().writeValueAsString(command));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        // answers are watched live, often piped
        out.flush();
        if (PostCommand.OPEN_DIALOG.equals(command.type()) && command.dialog() != null) {
            err().println(Submissions.hint(command));
            err().flush();
        }
    }
}
