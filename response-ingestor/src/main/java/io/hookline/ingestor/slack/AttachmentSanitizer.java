package io.hookline.ingestor.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.ingestor.response.MessageAttachment;
import io.hookline.ingestor.response.MessageAttachment.Action;
import io.hookline.ingestor.response.MessageAttachment.Field;
import io.hookline.ingestor.response.MessageAttachment.Option;
import io.hookline.schemas.serde.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Hookline's validity rules for message attachments, written once for every attachment the ingestor lets into a post:
 * Mattermost's {@code MessageAttachment.IsValid} and {@code PostAction.IsValid}, applied by removing what breaks them
 * instead of only logging a warning as Mattermost does: a link or image that is not an http(s) URL is removed (so a
 * {@code javascript:} URL never reaches a client), an invalid colour is removed, an invalid action is removed.
 * Everything else is kept. Every removal is reported.
 *
 * <p>What happens to the text before the rules depends on where the attachments come from: a webhook's answer gets
 * Mattermost's Slack processing ({@code ProcessSlackAttachments} then {@code ParseMessageAttachment}, see
 * {@link SlackText#attachment}); an action's update or an ephemeral post is stored as written, as Mattermost stores
 * it.
 */
public final class AttachmentSanitizer {

    private static final Pattern HEX_COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Set<String> COLOURS = Set.of("good", "warning", "danger");
    private static final Set<String> ACTION_STYLES = Set.of("default", "primary", "success", "good", "warning",
            "danger");
    private static final Set<String> DATA_SOURCES = Set.of("users", "channels");

    /** The sanitised attachments and, in plain words, what was removed. */
    public record Result(List<Map<String, Object>> attachments, List<String> removed) {
    }

    /** One sanitised attachment and, in plain words, what was removed from it. */
    public record Sanitized(Map<String, Object> attachment, List<String> removed) {
    }

    private final UnaryOperator<MessageAttachment> textStep;

    private AttachmentSanitizer(UnaryOperator<MessageAttachment> textStep) {
        this.textStep = textStep;
    }

    /** For a webhook's answer: Slack text processing, then the rules. */
    public static AttachmentSanitizer forWebhookAnswers() {
        return new AttachmentSanitizer(SlackText::attachment);
    }

    /** For attachments Mattermost stores as written (an action's update, an ephemeral post): the rules alone. */
    public static AttachmentSanitizer forStoredPosts() {
        return new AttachmentSanitizer(UnaryOperator.identity());
    }

    /** The attachments of a webhook's answer, reported as {@code attachments[i]...}. */
    public Result sanitize(List<MessageAttachment> attachments) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < attachments.size(); i++) {
            Sanitized one = sanitize(attachments.get(i), "attachments[" + i + "]");
            out.add(one.attachment());
            removed.addAll(one.removed());
        }
        return new Result(out, removed);
    }

    /** One attachment; {@code path} names it in the removal notes (e.g. {@code update.props.attachments[2]}). */
    public Sanitized sanitize(MessageAttachment attachment, String path) {
        List<String> removed = new ArrayList<>();
        Map<String, Object> out = rules(textStep.apply(attachment), path, removed);
        return new Sanitized(out, List.copyOf(removed));
    }

    private static Map<String, Object> rules(MessageAttachment a, String path, List<String> removed) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a.id() != 0) {
            m.put("id", a.id());
        }
        put(m, "fallback", a.fallback());
        if (!a.color().isEmpty()) {
            if (COLOURS.contains(a.color()) || HEX_COLOUR.matcher(a.color()).matches()) {
                m.put("color", a.color());
            } else {
                removed.add(path + ".color '" + clip(a.color()) + "' is not good, warning, danger or #RRGGBB");
            }
        }
        put(m, "pretext", a.pretext());
        put(m, "author_name", a.authorName());
        link(m, "author_link", a.authorLink(), a.authorName(), "author_name", path, removed);
        url(m, "author_icon", a.authorIcon(), path, removed);
        put(m, "title", a.title());
        link(m, "title_link", a.titleLink(), a.title(), "title", path, removed);
        put(m, "text", a.text());
        if (!a.fields().isEmpty()) {
            List<Map<String, Object>> fields = new ArrayList<>();
            for (Field f : a.fields()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("title", f.title());
                if (f.value() != null) {
                    fm.put("value", Json.mapper().convertValue(f.value(), Object.class));
                }
                fm.put("short", f.isShort());
                fields.add(fm);
            }
            m.put("fields", fields);
        }
        url(m, "image_url", a.imageUrl(), path, removed);
        url(m, "thumb_url", a.thumbUrl(), path, removed);
        put(m, "footer", a.footer());
        url(m, "footer_icon", a.footerIcon(), path, removed);
        JsonNode ts = a.timestamp();
        if (ts != null) {
            if (ts.isTextual() || ts.isNumber()) {
                m.put("ts", Json.mapper().convertValue(ts, Object.class));
            } else {
                removed.add(path + ".ts must be a string or a number");
            }
        }
        List<Map<String, Object>> actions = new ArrayList<>();
        for (int i = 0; i < a.actions().size(); i++) {
            Map<String, Object> action = action(a.actions().get(i), path + ".actions[" + i + "]", removed);
            if (action != null) {
                actions.add(action);
            }
        }
        if (!actions.isEmpty()) {
            m.put("actions", actions);
        }
        return m;
    }

    /**
     * Mattermost's {@code PostAction.IsValid}. A style or an option that breaks a rule is removed on its own; an
     * action that cannot work (no name, unknown type, a select with nothing to select, no valid integration URL) is
     * removed whole. A client-supplied {@code cookie} is never kept: the chat server sets it.
     */
    private static Map<String, Object> action(Action a, String path, List<String> removed) {
        List<String> fatal = new ArrayList<>();
        if (a.name().isEmpty()) {
            fatal.add("it has no name");
        }
        List<Map<String, Object>> options = new ArrayList<>();
        for (int i = 0; i < a.options().size(); i++) {
            Option o = a.options().get(i);
            if (o.text().isEmpty() || o.value().isEmpty()) {
                removed.add(path + ".options[" + i + "] needs both text and value");
            } else {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("text", o.text());
                om.put("value", o.value());
                options.add(om);
            }
        }
        String dataSource = a.dataSource();
        switch (a.type()) {
            case "button" -> {
                if (!a.options().isEmpty() || !dataSource.isEmpty()) {
                    fatal.add("a button must have neither options nor a data_source");
                }
            }
            case "select" -> {
                if (!dataSource.isEmpty()) {
                    if (!DATA_SOURCES.contains(dataSource)) {
                        fatal.add("data_source '" + clip(dataSource) + "' is not users or channels");
                    }
                    if (!a.options().isEmpty()) {
                        fatal.add("a select cannot have both a data_source and options");
                    }
                } else if (options.isEmpty()) {
                    fatal.add("a select needs a data_source or options");
                }
            }
            default -> fatal.add("type '" + clip(a.type()) + "' is not button or select");
        }
        String url = a.integration() == null ? "" : a.integration().url();
        if (a.integration() == null) {
            fatal.add("it has no integration");
        } else if (!(HttpUrls.isValid(url) || url.startsWith("/plugins/") || url.startsWith("plugins/"))) {
            fatal.add("its integration url is not an http(s) URL or a plugin path");
        }
        if (!fatal.isEmpty()) {
            removed.add(path + " removed: " + String.join("; ", fatal));
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "id", a.id());
        m.put("type", a.type());
        m.put("name", a.name());
        put(m, "tooltip", a.tooltip());
        if (a.disabled()) {
            m.put("disabled", true);
        }
        if (!a.style().isEmpty()) {
            if (ACTION_STYLES.contains(a.style()) || HEX_COLOUR.matcher(a.style()).matches()) {
                m.put("style", a.style());
            } else {
                removed.add(path + ".style '" + clip(a.style()) + "' is not a known style or #RRGGBB");
            }
        }
        put(m, "data_source", dataSource);
        if (!options.isEmpty()) {
            m.put("options", options);
        }
        put(m, "default_option", a.defaultOption());
        Map<String, Object> integration = new LinkedHashMap<>();
        integration.put("url", url);
        if (a.integration().context() != null && !a.integration().context().isEmpty()) {
            integration.put("context", a.integration().context());
        }
        m.put("integration", integration);
        return m;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static void url(Map<String, Object> m, String key, String value, String path, List<String> removed) {
        if (value.isEmpty()) {
            return;
        }
        if (HttpUrls.isValid(value)) {
            m.put(key, value);
        } else {
            removed.add(path + "." + key + " is not an http(s) URL");
        }
    }

    private static void link(Map<String, Object> m, String key, String value, String owner, String ownerKey,
                             String path, List<String> removed) {
        if (value.isEmpty()) {
            return;
        }
        if (owner.isEmpty()) {
            removed.add(path + "." + key + " needs " + ownerKey);
        } else if (!HttpUrls.isValid(value)) {
            removed.add(path + "." + key + " is not an http(s) URL");
        } else {
            m.put(key, value);
        }
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
