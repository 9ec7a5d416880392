package io.hookline.ingestor.post;

import io.hookline.ingestor.slack.AttachmentSanitizer;
import io.hookline.ingestor.slack.HttpUrls;
import io.hookline.ingestor.post.PriorityRules;
import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.ingestor.response.WebhookResponse;
import io.hookline.ingestor.slack.SlackText;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.post.PostProps;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mattermost's {@code TriggerWebhook} + {@code CreateWebhookPost}: the post (or posts) a callback's response becomes.
 * Pure: no Kafka, no clock.
 */
public final class ResponsePostBuilder {

    public static final String DEFAULT_WEBHOOK_USERNAME = "webhook";
    public static final String PROP_OVERRIDE_USERNAME = "override_username";
    public static final String PROP_OVERRIDE_ICON_URL = "override_icon_url";
    public static final String PROP_WEBHOOK_DISPLAY_NAME = "webhook_display_name";
    public static final String PROP_ATTACHMENTS = "attachments";
    public static final String TYPE_SLACK_ATTACHMENT = "slack_attachment";

    /**
     * Response props not copied: those the webhook path sets itself, and those Mattermost's {@code CreatePost} strips
     * ({@code add_channel_member}, {@code force_notification}) or recomputes from the message ({@code channel_mentions}).
     */
    private static final Set<String> NOT_COPIED = Set.of(PostProps.FROM_WEBHOOK, PROP_OVERRIDE_USERNAME,
            PROP_OVERRIDE_ICON_URL, PROP_ATTACHMENTS, "add_channel_member", "force_notification", "channel_mentions");

    /**
     * The types Mattermost's {@code Post.IsValid} knows besides {@code system_...} (refused on the webhook path) and
     * {@code custom_...}.
     */
    private static final Set<String> KNOWN_TYPES = Set.of("", TYPE_SLACK_ATTACHMENT, "me", "reminder",
            "add_bot_teams_channels", "burn_on_read", "card");

    private final PostOverrides overrides;
    private final AttachmentSanitizer sanitizer = AttachmentSanitizer.forWebhookAnswers();
    private final PriorityRules priorityRules = new PriorityRules();
    private final PostSplitter splitter;

    public ResponsePostBuilder(PostOverrides overrides) {
        this(overrides, new PostSplitter());
    }

    public ResponsePostBuilder(PostOverrides overrides, PostSplitter splitter) {
        this.overrides = overrides;
        this.splitter = splitter;
    }

    /**
     * The posts for {@code response}, or none when Mattermost would create none (no {@code text} and no attachment).
     *
     * @throws ResponseFormatException when Mattermost would refuse the response: a {@code system_} or unknown type, a
     *                                 priority without {@code priority.priority}, props too large for any post
     */
    public PostPlan build(WebhookResponse response, WebhookTrigger trigger) {
        if (!response.wantsPost()) {
            return new PostPlan(List.of(), List.of());
        }
        List<String> removed = new ArrayList<>();
        String type = postType(response);
        String rootId = response.isComment() ? trigger.threadRootId() : "";

        PriorityRules.Decision priority = priorityRules.decide(response.priority(), rootId.isEmpty());
        if (priority.dropped() != null) {
            removed.add("priority dropped: " + priority.dropped());
        }

        Map<String, Object> props = new LinkedHashMap<>();
        props.put(PostProps.FROM_WEBHOOK, "true");
        if (overrides.username()) {
            props.put(PROP_OVERRIDE_USERNAME, firstNonEmpty(response.username(), trigger.username(),
                    DEFAULT_WEBHOOK_USERNAME));
        }
        if (overrides.icon()) {
            String icon = firstNonEmpty(response.iconUrl(), trigger.iconUrl(), "");
            if (HttpUrls.isValid(icon)) {
                props.put(PROP_OVERRIDE_ICON_URL, icon);
            } else if (!icon.isEmpty()) {
                removed.add("icon_url is not an http(s) URL");
            }
        }
        for (Map.Entry<String, Object> e : response.props().entrySet()) {
            if (!NOT_COPIED.contains(e.getKey())) {
                props.put(e.getKey(), e.getValue());
            }
        }
        if (response.props().containsKey(PROP_ATTACHMENTS)) {
            // Mattermost ignores props.attachments of a response too; only the top-level attachments are processed.
            removed.add("props.attachments ignored: attachments belong in the top-level attachments field");
        }
        props.put(PROP_WEBHOOK_DISPLAY_NAME, trigger.hookDisplayName());

        AttachmentSanitizer.Result attachments = sanitizer.sanitize(response.attachments());
        removed.addAll(attachments.removed());

        Map<String, Object> metadata = priority.metadataPriority() == null ? null
                : Map.of("priority", priority.metadataPriority());
        String message = SlackText.message(response.text() == null ? "" : response.text());
        CommandPost whole = new CommandPost(trigger.payload().channelId(), rootId, trigger.creatorId(), message, type,
                props, metadata);
        return new PostPlan(splitter.split(whole, attachments.attachments()), removed);
    }

    /**
     * Mattermost refuses {@code system_} types on this path, then any type its {@code Post.IsValid} does not know.
     */
    static String postType(WebhookResponse response) {
        String type = response.type();
        if (type.startsWith("system_")) {
            throw new ResponseFormatException("type '" + clip(type) + "' is reserved for system messages");
        }
        if (!(KNOWN_TYPES.contains(type) || type.startsWith("custom_"))) {
            throw new ResponseFormatException("type '" + clip(type) + "' is not a Mattermost post type: use \"\", "
                    + "slack_attachment, me, reminder, add_bot_teams_channels, burn_on_read, card or a custom_ type");
        }
        if (type.isEmpty() && !response.attachments().isEmpty()) {
            return TYPE_SLACK_ATTACHMENT;
        }
        return type;
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
