package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.serde.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hookline hooks create}: Mattermost's {@code POST /api/v4/hooks/outgoing} as a record on
 * {@code webhook-configs}. Nothing is written unless the hook is valid and conflicts with no live hook.
 */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create an outgoing webhook: validate it, write it to webhook-configs keyed by its id, and",
                "print it as JSON. The generated token and signing secret are shown this once only."},
        footer = {"", "Example:",
                "  hookline hooks create --team-id TEAM_ID --channel-id CHANNEL_ID --trigger-word ping \\",
                "      --callback-url http://127.0.0.1:8065/hook --creator-id USER_ID --display-name Pong"})
public final class CreateHookCommand extends HooklineSubcommand {

    @Option(names = "--team-id", required = true, paramLabel = "ID", description = "Team of the hook (26-char id).")
    String teamId;

    @Option(names = "--channel-id", paramLabel = "ID", defaultValue = "",
            description = "Channel the hook listens to (26-char id of a public channel); empty: every public channel "
                    + "of the team, then trigger words are required.")
    String channelId;

    @Option(names = "--trigger-word", paramLabel = "WORD", description = "Trigger word (repeatable); without any, "
            + "every post in the channel triggers.")
    List<String> triggerWords = List.of();

    @Option(names = "--trigger-when", paramLabel = "WHEN", defaultValue = "exact",
            converter = TriggerWhen.Converter.class,
            description = "exact: the first word equals a trigger word; starts-with: it starts with one "
                    + "(default: ${DEFAULT-VALUE}).")
    TriggerWhen triggerWhen;

    @Option(names = "--callback-url", required = true, paramLabel = "URL",
            description = "http(s) URL the post is sent to (repeatable; all are called).")
    List<String> callbackUrls;

    @Option(names = "--creator-id", required = true, paramLabel = "ID",
            description = "User the response posts are created as (26-char id).")
    String creatorId;

    @Option(names = "--display-name", paramLabel = "NAME", defaultValue = "",
            description = "Shown as webhook_display_name on response posts (64 bytes at most).")
    String displayName;

    @Option(names = "--description", paramLabel = "TEXT", defaultValue = "", description = "500 bytes at most.")
    String description;

    @Option(names = "--content-type", paramLabel = "TYPE", defaultValue = ContentTypes.JSON,
            description = "application/json sends JSON; anything else sends a form (default: ${DEFAULT-VALUE}).")
    String contentType;

    @Option(names = "--username", paramLabel = "NAME", defaultValue = "",
            description = "Username override for response posts (needs hookline.enable-post-username-override).")
    String username;

    @Option(names = "--icon-url", paramLabel = "URL", defaultValue = "",
            description = "Icon override for response posts (needs hookline.enable-post-icon-override).")
    String iconUrl;

    private final HookFactory factory;

    public CreateHookCommand() {
        this(HookFactory.secure());
    }

    CreateHookCommand(HookFactory factory) {
        this.factory = factory;
    }

    HookDraft draft() {
        return new HookDraft(teamId.trim(), channelId.trim(), triggerWords, triggerWhen, callbackUrls, displayName,
                description, contentType, creatorId.trim(), username, iconUrl);
    }

    @Override
    public Integer call() throws Exception {
        OutgoingWebhook hook = factory.create(draft());
        // Checked before the broker is asked, so that a typo fails the same way with or without Kafka.
        HookRules.requireValid(hook);
        HookStore store = HookStore.open(clientConfig(), err());
        store.create(hook);
        out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(hook));
        err().println("created hook " + hook.id() + " on " + store.topicName()
                + "; keep the token and signing_secret now, they are not shown again");
        return ExitCodes.OK;
    }
}
