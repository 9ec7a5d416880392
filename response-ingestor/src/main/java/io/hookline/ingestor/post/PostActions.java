package io.hookline.ingestor.post;

import io.hookline.schemas.Ids;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The actions of a post ({@code props.attachments[].actions[]}) as the chat server stores them: Mattermost's
 * {@code GenerateActionIds} made replay-safe, and the one walk over them that it and the cookie sealing share.
 *
 * <p>Every action without an id gets one derived from the id of what carries it (a command or an interaction) and
 * the action's position, so a replay gives the same ids. Ids already there are kept, even ones a v11.6 client cannot
 * click (its route takes {@code [A-Za-z0-9]+} only; generated ids are lowercase base32, so they always can). Each
 * action keeps its integration (the chat server hides it from clients). The walk takes the attachments as they are:
 * what Mattermost's decode on save drops (null actions, attachments that do not decode) is dropped before, by
 * {@link StoredAttachments} or the webhook path's sanitiser.
 */
public final class PostActions {

    /** What to make of one action: given a copy of it, return the action to keep. */
    @FunctionalInterface
    interface Rewrite {
        Map<String, Object> apply(int attachmentIndex, int actionIndex, Map<String, Object> action);
    }

    private PostActions() {
    }

    /** The id action {@code actionIndex} of attachment {@code attachmentIndex} gets when it has none. */
    public static String generatedId(String ownerId, int attachmentIndex, int actionIndex) {
        return Ids.deterministic(ownerId, "action", Integer.toString(attachmentIndex), Integer.toString(actionIndex));
    }

    /** A copy of {@code props} whose actions without an id have their generated one. */
    public static Map<String, Object> assignIds(Map<String, Object> props, String ownerId) {
        return rewrite(props, (a, i, action) -> {
            Object id = action.get("id");
            if (id == null || "".equals(id)) {
                action.put("id", generatedId(ownerId, a, i));
            }
            return action;
        });
    }

    /** Whether {@code props} holds at least one action. */
    static boolean any(Map<String, Object> props) {
        boolean[] found = {false};
        rewrite(props, (a, i, action) -> {
            found[0] = true;
            return action;
        });
        return found[0];
    }

    /**
     * A copy of {@code props} with each action replaced by what {@code rewrite} makes of a copy of it; {@code props}
     * itself is left as it was. Attachments and actions that are not JSON objects are left as they are.
     */
    static Map<String, Object> rewrite(Map<String, Object> props, Rewrite rewrite) {
        Map<String, Object> out = new LinkedHashMap<>(props);
        if (!(props.get(ResponsePostBuilder.PROP_ATTACHMENTS) instanceof List<?> attachments)) {
            return out;
        }
        List<Object> attachmentsOut = new ArrayList<>(attachments.size());
        for (int a = 0; a < attachments.size(); a++) {
            Object attachment = attachments.get(a);
            if (!(attachment instanceof Map<?, ?> map && map.get("actions") instanceof List<?> actions)) {
                attachmentsOut.add(attachment);
                continue;
            }
            List<Object> actionsOut = new ArrayList<>(actions.size());
            for (int i = 0; i < actions.size(); i++) {
                Object action = actions.get(i);
                actionsOut.add(action instanceof Map<?, ?> actionMap ? rewrite.apply(a, i, copy(actionMap)) : action);
            }
            Map<String, Object> attachmentOut = copy(map);
            attachmentOut.put("actions", actionsOut);
            attachmentsOut.add(attachmentOut);
        }
        out.put(ResponsePostBuilder.PROP_ATTACHMENTS, attachmentsOut);
        return out;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
