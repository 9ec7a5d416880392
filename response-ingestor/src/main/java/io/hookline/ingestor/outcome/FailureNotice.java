package io.hookline.ingestor.outcome;

import io.hookline.schemas.command.CommandOrigin;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.Ids;
import io.hookline.schemas.post.PostProps;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ephemeral post that tells the author of a triggering post that an integration will not answer. Mattermost says
 * nothing in that case (a server log line only), so the author waits for an answer that never comes; this notice,
 * visible only to them, in the same channel and thread, names the integration and says why in plain words.
 */
public final class FailureNotice {

    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");
    private static final int MAX_DETAIL = 200;

    /** The command id of a delivery's failure notice: one per delivery, whatever happens upstream. */
    public static String commandId(String deliveryId) {
        return Ids.deterministic(deliveryId, "failure-notice");
    }

    /**
     * The notice for a failed delivery, or null when there is nobody to tell (the trigger carries no author).
     */
    public PostCommand build(DeliveryOutcome outcome) {
        WebhookTrigger trigger = outcome.trigger();
        String author = trigger.payload().userId();
        if (!Ids.isValid(author)) {
            return null;
        }
        String name = trigger.hookDisplayName().isEmpty() ? trigger.hookId() : trigger.hookDisplayName();
        String message = "The integration **" + name.replace("*", "\\*") + "** could not answer your message: "
                + reason(outcome) + attempts(outcome) + ". No reply will be posted.";
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(PostProps.FROM_WEBHOOK, "true");
        props.put("webhook_display_name", trigger.hookDisplayName());
        CommandPost post = new CommandPost(trigger.payload().channelId(), trigger.threadRootId(), trigger.creatorId(),
                message, "", props, null);
        return new PostCommand(commandId(outcome.deliveryId()), PostCommand.EPHEMERAL_POST, author, post,
                new CommandOrigin(trigger.hookId(), trigger.payload().postId(), trigger.callbackUrl(),
                        outcome.deliveryId()));
    }

    /** Why the delivery failed, for a chat user rather than an operator. */
    static String reason(DeliveryOutcome outcome) {
        Integer status = outcome.httpStatus();
        String error = outcome.error() == null ? "" : outcome.error();
        String e = error.toLowerCase(Locale.ROOT);
        if (status != null && (status < 200 || status >= 300)) {
            return "its server answered with an error (HTTP " + status + statusPhrase(status) + ")";
        }
        if (e.contains("address forbidden") || e.contains("forbidden address")
                || e.contains("allowedUntrustedInternalConnections".toLowerCase(Locale.ROOT))) {
            return "its address is on an internal network that Hookline is not allowed to call";
        }
        if (e.contains("timed out") || e.contains("timeout")) {
            return "its server did not answer in time";
        }
        if (e.contains("refused")) {
            return "its server refused the connection";
        }
        if (e.contains("unknown host") || e.contains("unknownhost") || e.contains("resolve") || e.contains("dns")) {
            return "its server's name could not be found";
        }
        if (e.contains("ssl") || e.contains("tls") || e.contains("certificate") || e.contains("handshake")) {
            return "a secure connection to its server could not be established";
        }
        if (e.contains("too large") || e.contains("exceeds")) {
            return "its answer was too large";
        }
        String detail = URL.matcher(error.strip()).replaceAll("its callback URL");
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
        return detail.isEmpty() ? "the delivery failed" : "the delivery failed (" + detail + ")";
    }

    private static String attempts(DeliveryOutcome outcome) {
        int n = outcome.attempts().size();
        return n > 1 ? " after " + n + " attempts" : "";
    }

    private static String statusPhrase(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 405 -> " Method Not Allowed";
            case 408 -> " Request Timeout";
            case 410 -> " Gone";
            case 413 -> " Content Too Large";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }
}
