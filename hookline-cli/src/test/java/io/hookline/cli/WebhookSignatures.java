package io.hookline.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;

/** Standard Webhooks signatures of a received callback, recomputed here independently of the dispatcher. */
final class WebhookSignatures {

    private WebhookSignatures() {
    }

    /** The entries of the request's {@code webhook-signature} header. */
    static List<String> of(RecordedRequest request) {
        return List.of(request.getHeaders().get("webhook-signature").split(" "));
    }

    /** The {@code v1,} entry that {@code secret} ({@code whsec_...}) gives for this request's id, time and body. */
    static String expected(RecordedRequest request, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.getHeaders().get("webhook-id") + "." + request.getHeaders().get("webhook-timestamp")
                + "." + request.getBody().utf8();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
