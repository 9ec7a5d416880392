package io.hookline.dispatcher.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StandardWebhookSignerTest {

    /**
     * The published vector of the Standard Webhooks reference libraries
     * (standard-webhooks/standard-webhooks, libraries/go/webhook_test.go, TestWebhookSign).
     */
    @Test
    void matchesTheStandardWebhooksTestVector() {
        String header = StandardWebhookSigner.signatureHeader("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8),
                List.of(SigningSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")));
        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void oneV1EntryPerSecretSpaceSeparatedEachVerifiable() throws Exception {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String s1 = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
        byte[] k2 = new byte[64];
        k2[0] = 7;
        String s2 = "whsec_" + Base64.getEncoder().encodeToString(k2);
        String header = StandardWebhookSigner.signatureHeader("id1", 42L, body,
                StandardWebhookSigner.parseAll(List.of(s1, s2)));
        String[] entries = header.split(" ");
        assertThat(entries).hasSize(2);
        assertThat(entries[0]).isEqualTo("v1," + independentHmac(new byte[24], "id1.42.{\"a\":1}"));
        assertThat(entries[1]).isEqualTo("v1," + independentHmac(k2, "id1.42.{\"a\":1}"));
    }

    @Test
    void badSecretsAreNamedByPositionNeverByValue() {
        assertThatThrownBy(() -> StandardWebhookSigner.parseAll(List.of("whsec_AAAA", "nope-secret-value")))
                .hasMessageContaining("#2").hasMessageNotContaining("nope-secret-value");
        assertThatThrownBy(() -> SigningSecret.parse("whsec_%%%not-base64")).hasMessageNotContaining("%%%");
        assertThat(SigningSecret.parse("whsec_AAAA").toString()).doesNotContain("AAAA");
    }

    private static String independentHmac(byte[] key, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
