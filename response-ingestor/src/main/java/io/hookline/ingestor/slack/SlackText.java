package io.hookline.ingestor.slack;

import com.fasterxml.jackson.databind.node.TextNode;
import io.hookline.ingestor.response.MessageAttachment;
import io.hookline.ingestor.response.MessageAttachment.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mattermost's Slack-compatibility rewriting of webhook text ({@code app/slack.go}, {@code app/webhook.go},
 * {@code model/message_attachment.go}).
 *
 * <ul>
 *   <li>{@code <!channel>}, {@code <!here>}, {@code <!all>} become {@code @channel}, {@code @here}, {@code @all}.</li>
 *   <li>{@code <url|text>} becomes {@code [text](url)}. Mattermost uses two slightly different patterns: one for the
 *       post's message (no newline, {@code <}, {@code |} or {@code >} inside) and a looser one for attachment text,
 *       pretext and field values; both are reproduced.</li>
 *   <li>{@code <url>} is left as it is: Mattermost does not touch it, and Markdown renders it as an autolink.</li>
 *   <li>{@code <@USERID>} is left as it is. Mattermost replaces it with {@code @username} for users it finds and leaves
 *       it unchanged otherwise; Hookline has no user directory, so every id is "not found".</li>
 * </ul>
 */
public final class SlackText {

    private static final Pattern MESSAGE_LINK = Pattern.compile("<([^\\n<|>]+)\\|([^|\\n>]+)>");
    private static final Pattern ATTACHMENT_LINK = Pattern.compile("<([^<|]+)\\|([^>]+)>");

    private SlackText() {
    }

    /** Mattermost's {@code expandAnnouncement}. */
    public static String expandAnnouncements(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return text.replace("<!channel>", "@channel").replace("<!here>", "@here").replace("<!all>", "@all");
    }

    /** All the rewriting Mattermost applies to a response's {@code text} before it becomes the post's message. */
    public static String message(String text) {
        return links(MESSAGE_LINK, expandAnnouncements(text));
    }

    /** The rewriting of an attachment's {@code text}, {@code pretext} and string field values. */
    public static String attachmentText(String text) {
        return links(ATTACHMENT_LINK, expandAnnouncements(text));
    }

    /**
     * Mattermost's {@code ParseSlackLinksToMarkdown} alone (no announcement expansion): what an action's
     * {@code ephemeral_text} gets unless the integration asked for {@code skip_slack_parsing}. It uses the looser
     * pattern, the one of attachment text.
     */
    public static String markdownLinks(String text) {
        return links(ATTACHMENT_LINK, text);
    }

    /** The rewriting of an attachment's {@code title}: announcements only, as in Mattermost. */
    public static String attachmentTitle(String text) {
        return expandAnnouncements(text);
    }

    /**
     * A webhook answer's attachment after Mattermost's {@code ProcessSlackAttachments} and
     * {@code ParseMessageAttachment}: pretext, text and field values get {@link #attachmentText}, the title
     * {@link #attachmentTitle}; every field value that is set becomes a string first
     * ({@code StringifyMessageAttachmentFieldValue}). Everything else is as sent.
     */
    public static MessageAttachment attachment(MessageAttachment a) {
        List<Field> fields = new ArrayList<>(a.fields().size());
        for (Field f : a.fields()) {
            fields.add(new Field(f.title(), f.value() == null ? null
                    : TextNode.valueOf(attachmentText(GoValueFormat.of(f.value()))), f.isShort()));
        }
        return new MessageAttachment(a.id(), a.fallback(), a.color(), attachmentText(a.pretext()), a.authorName(),
                a.authorLink(), a.authorIcon(), attachmentTitle(a.title()), a.titleLink(), attachmentText(a.text()),
                fields, a.imageUrl(), a.thumbUrl(), a.footer(), a.footerIcon(), a.timestamp(), a.actions());
    }

    private static String links(Pattern pattern, String text) {
        if (text == null || text.indexOf('<') < 0) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("[" + m.group(2) + "](" + m.group(1) + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
