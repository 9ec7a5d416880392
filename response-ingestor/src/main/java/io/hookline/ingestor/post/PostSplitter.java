package io.hookline.ingestor.post;

import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.schemas.command.CommandPost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mattermost's {@code SplitWebhookPost}: a message longer than the post limit becomes several posts, cut every
 * {@code maxMessageRunes} code points (no word boundaries, exactly like Mattermost); every part carries the same props;
 * the attachments are added to the last part one by one and, when the props would pass {@code maxPropsRunes}, move on
 * to a new follow-up post with an empty message. A lone attachment too large for any post has its text shortened,
 * and when even that is not enough the response is rejected, as in Mattermost.
 *
 * <p>Deliberate difference: {@code metadata} (the priority) is put on the first part only, so a long urgent answer
 * notifies once instead of once per part.
 */
final class PostSplitter {

    public static final int MAX_MESSAGE_RUNES = PostLimits.MESSAGE_RUNES;
    public static final int MAX_PROPS_RUNES = PostLimits.SPLIT_PROPS_RUNES;

    private final int maxMessageRunes;
    private final int maxPropsRunes;

    public PostSplitter() {
        this(MAX_MESSAGE_RUNES, MAX_PROPS_RUNES);
    }

    /** Smaller limits, so that the rules are exercised without megabytes of data. */
    PostSplitter(int maxMessageRunes, int maxPropsRunes) {
        if (maxMessageRunes < 1 || maxPropsRunes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxMessageRunes = maxMessageRunes;
        this.maxPropsRunes = maxPropsRunes;
    }

    /**
     * @param post        the whole post; its props must not contain {@code attachments}
     * @param attachments the sanitised attachments, in order (may be empty)
     * @throws ResponseFormatException when the props cannot fit in a post at all
     */
    public List<CommandPost> split(CommandPost post, List<Map<String, Object>> attachments) {
        Map<String, Object> base = new LinkedHashMap<>(post.props());
        base.remove("attachments");
        int baseRunes = PropsSize.runes(base);
        if (baseRunes > maxPropsRunes) {
            throw new ResponseFormatException("the post's props are " + baseRunes + " runes of JSON, more than the "
                    + maxPropsRunes + " a post may have");
        }

        List<String> messages = new ArrayList<>();
        String rest = post.message();
        while (PropsSize.codePoints(rest) > maxMessageRunes) {
            int cut = rest.offsetByCodePoints(0, maxMessageRunes);
            messages.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        messages.add(rest);

        List<List<Map<String, Object>>> attachmentsPerPart = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            attachmentsPerPart.add(new ArrayList<>());
        }
        if (!attachments.isEmpty()) {
            placeAttachments(base, attachments, attachmentsPerPart, messages);
        }

        List<CommandPost> parts = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Map<String, Object> props = new LinkedHashMap<>(base);
            if (!attachmentsPerPart.get(i).isEmpty()) {
                props.put("attachments", attachmentsPerPart.get(i));
            }
            parts.add(new CommandPost(post.channelId(), post.rootId(), post.userId(), messages.get(i), post.type(),
                    props, i == 0 ? post.metadata() : null));
        }
        return parts;
    }

    private void placeAttachments(Map<String, Object> base, List<Map<String, Object>> attachments,
                                  List<List<Map<String, Object>>> perPart, List<String> messages) {
        Map<String, Object> withEmptyList = new LinkedHashMap<>(base);
        withEmptyList.put("attachments", List.of());
        int emptyListRunes = PropsSize.runes(withEmptyList);
        int lastRunes = emptyListRunes;
        for (int index = 0; index < attachments.size(); index++) {
            Map<String, Object> attachment = attachments.get(index);
            int size = PropsSize.runes(attachment);
            while (true) {
                List<Map<String, Object>> last = perPart.get(perPart.size() - 1);
                int runes = lastRunes + size + (last.isEmpty() ? 0 : 1);
                if (runes <= maxPropsRunes) {
                    last.add(attachment);
                    lastRunes = runes;
                    break;
                }
                if (!last.isEmpty()) {
                    perPart.add(new ArrayList<>());
                    messages.add("");
                    lastRunes = emptyListRunes;
                    continue;
                }
                attachment = shortened(attachment, runes - maxPropsRunes, index);
                size = PropsSize.runes(attachment);
                if (lastRunes + size <= maxPropsRunes) {
                    last.add(attachment);
                    lastRunes += size;
                    break;
                }
            }
        }
    }

    /** The attachment with its text shortened by {@code excess} code points, as Mattermost does. */
    private Map<String, Object> shortened(Map<String, Object> attachment, int excess, int index) {
        String text = attachment.get("text") instanceof String s ? s : "";
        int textRunes = PropsSize.codePoints(text);
        if (textRunes == 0 || textRunes < excess) {
            throw new ResponseFormatException("attachments[" + index + "] is too large for a post (" + excess
                    + " runes over the " + maxPropsRunes + "-rune props limit) even with its text shortened");
        }
        Map<String, Object> copy = new LinkedHashMap<>(attachment);
        copy.put("text", PropsSize.prefix(text, textRunes - Math.max(excess, 1)));
        return copy;
    }
}
