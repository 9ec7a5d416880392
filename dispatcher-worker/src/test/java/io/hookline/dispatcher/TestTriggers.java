package io.hookline.dispatcher;

import io.hookline.schemas.Ids;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sample triggers, and the hooks they are deliveries of, for tests. */
public final class TestTriggers {

    /** The token of every sample hook; triggers never carry it. */
    public static final String TOKEN = "tok3n26charsxxxxxxxxxxxxxx";

    private TestTriggers() {
    }

    public static WebhookPayload payload() {
        return new WebhookPayload("", "teamid", "engineering", "channelid", "town-square",
                1764150000123L, "userid", "alice", "postid", "bug login fails & more", "bug", "f1,f2");
    }

    public static WebhookTrigger trigger(String url, String contentType) {
        return trigger("delivery1", "hook1", url, contentType);
    }

    /** A valid delivery id (26 chars of Mattermost's alphabet) named by a readable test name. */
    public static String id(String name) {
        return Ids.deterministic(name);
    }

    /** A trigger whose delivery id is {@code id(deliveryName)}, of the hook {@code id(hookName)}. */
    public static WebhookTrigger trigger(String deliveryName, String hookName, String url, String contentType) {
        return new WebhookTrigger(id(deliveryName), id(hookName), url, contentType, "Bot", id("creator"), "", "", "",
                payload(), 1764150000500L);
    }

    /**
     * A valid hook {@code id(hookName)} with {@link #TOKEN}, calling {@code urls}, signing with {@code secrets}
     * (current first; a second one is the previous secret, valid for ever).
     */
    public static OutgoingWebhook hook(String hookName, String contentType, List<String> secrets, List<String> urls) {
        return new OutgoingWebhook(id(hookName), TOKEN, 1, 1, 0, id("creator"), id("channel"), id("team"), List.of(), 0,
                urls, "Bot", "", contentType, "", "", secrets.isEmpty() ? null : secrets.get(0),
                secrets.size() > 1 ? secrets.get(1) : null, secrets.size() > 1 ? Long.MAX_VALUE : 0);
    }

    /** An independent Standard Webhooks verifier, written from the spec: does {@code entry} sign this? */
    public static boolean signedWith(String secret, String id, long ts, byte[] body, String entry) throws Exception {
        if (!entry.startsWith("v1,")) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] content = (id + "." + ts + "." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(Base64.getEncoder().encode(mac.doFinal(content)),
                entry.substring(3).getBytes(StandardCharsets.US_ASCII));
    }
}
