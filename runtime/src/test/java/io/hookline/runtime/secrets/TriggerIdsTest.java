package io.hookline.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.schemas.Ids;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Trigger ids in Mattermost's format, verified with Mattermost's steps, order and errors. */
class TriggerIdsTest {

    private static final long NOW = 1_767_225_600_123L;
    private static final String USER = "u8wq3x1mftr9ze5kbd7hyo4ncs";
    private final IntegrationSecrets secrets = IntegrationSecrets.generate();

    private TriggerIds at(long millis) {
        return new TriggerIds(secrets, Duration.ofSeconds(30), Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    @Test
    void aMintedIdHasMattermostsFormatAndVerifies() throws Exception {
        String client = Ids.newId();
        TriggerIds.Minted minted = at(NOW).mint(client, USER);

        String decoded = new String(Base64.getDecoder().decode(minted.triggerId()), StandardCharsets.UTF_8);
        assertThat(decoded).startsWith(client + ":" + USER + ":" + NOW + ":");
        String[] parts = decoded.split(":", -1);
        assertThat(parts).hasSize(4);
        // the signature is DER ECDSA over SHA-256 of "client:user:millis:", checkable with the published key
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(secrets.publicKey());
        verifier.update((client + ":" + USER + ":" + NOW + ":").getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(parts[3]))).isTrue();
        assertThat(minted.clientTriggerId()).isEqualTo(client);

        TriggerIds.Verified verified = at(NOW + 1000).verify(minted.triggerId());
        assertThat(verified).isEqualTo(new TriggerIds.Verified(client, USER, NOW));
    }

    @Test
    void anIdLivesExactlyTheTimeoutAndIsNotSingleUse() throws Exception {
        String id = at(NOW).mint(Ids.newId(), USER).triggerId();
        at(NOW + 30_000).verify(id);
        at(NOW + 30_000).verify(id);
        at(NOW - 60_000).verify(id); // a timestamp in the future passes, as in Mattermost
        assertError(() -> at(NOW + 30_001).verify(id), "interactive_message.decode_trigger_id.expired",
                "Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of 30s.");
    }

    @Test
    void theExpiryMessageNamesTheLifetimeAsGoPrintsIt() {
        assertThat(GoDuration.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(GoDuration.format(Duration.ofSeconds(60))).isEqualTo("1m0s");
        assertThat(GoDuration.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(GoDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
    }

    @Test
    void expiryIsCheckedBeforeTheSignature() {
        String forged = b64("c:" + USER + ":" + (NOW - 31_000) + ":" + b64("not a signature"));
        assertError(() -> at(NOW).verify(forged), "interactive_message.decode_trigger_id.expired", null);
        String unparsable = b64("c:" + USER + ":soon:" + b64("x"));
        assertError(() -> at(NOW).verify(unparsable), "interactive_message.decode_trigger_id.expired", null);
    }

    @Test
    void eachBrokenPartGivesMattermostsError() {
        assertError(() -> at(NOW).verify("%%%"), "interactive_message.decode_trigger_id.base64_decode_failed",
                "Failed to decode base64 for trigger ID for interactive dialog.");
        // Go's standard encoding requires padding, which Java's decoder would not
        String unpadded = b64("a:b:" + NOW + ":c").replace("=", "");
        if (!unpadded.equals(b64("a:b:" + NOW + ":c"))) {
            assertError(() -> at(NOW).verify(unpadded), "interactive_message.decode_trigger_id.base64_decode_failed",
                    null);
        }
        assertError(() -> at(NOW).verify(b64("a:b:" + NOW)), "interactive_message.decode_trigger_id.missing_data",
                "Trigger ID missing required data for interactive dialog.");
        assertError(() -> at(NOW).verify(b64("a:b:" + NOW + ":x:y")),
                "interactive_message.decode_trigger_id.missing_data", null);
        assertError(() -> at(NOW).verify(b64("a:b:" + NOW + ":not*base64")),
                "interactive_message.decode_trigger_id.base64_decode_failed_signature",
                "Failed to decode base64 signature of trigger ID for interactive dialog.");
        assertError(() -> at(NOW).verify(b64("a:b:" + NOW + ":" + b64("not DER"))),
                "interactive_message.decode_trigger_id.signature_decode_failed",
                "Failed to decode base64 signature of trigger ID for interactive dialog.");
    }

    @Test
    void anAlteredUserOrTimeOrAnotherKeyFailsVerification() throws Exception {
        String id = at(NOW).mint("client0000000000000000000a", USER).triggerId();
        String[] parts = new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8).split(":", -1);
        String otherUser = b64(parts[0] + ":someoneelse000000000000000:" + parts[2] + ":" + parts[3]);
        assertError(() -> at(NOW).verify(otherUser), "interactive_message.decode_trigger_id.verify_signature_failed",
                "Signature verification failed of trigger ID for interactive dialog.");
        String laterTime = b64(parts[0] + ":" + parts[1] + ":" + (NOW + 5) + ":" + parts[3]);
        assertError(() -> at(NOW).verify(laterTime), "interactive_message.decode_trigger_id.verify_signature_failed",
                null);
        TriggerIds otherInstallation = new TriggerIds(IntegrationSecrets.generate(), Duration.ofSeconds(30),
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        assertError(() -> otherInstallation.verify(id), "interactive_message.decode_trigger_id.verify_signature_failed",
                null);
    }

    @Test
    void derIsReadAsGoReadsIt() throws Exception {
        String data = "c:" + USER + ":" + NOW + ":";
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(secrets.privateKey());
        signer.update(data.getBytes(StandardCharsets.UTF_8));
        byte[] der = signer.sign();
        // bytes after the sequence are tolerated by Go's asn1.Unmarshal
        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 3);
        at(NOW).verify(b64(data + Base64.getEncoder().encodeToString(trailing)));
        // an integer with a redundant leading zero is not DER: Go refuses it
        BigInteger[] rs = EcdsaDer.decode(der);
        byte[] padded = nonMinimal(rs[0], rs[1]);
        assertError(() -> at(NOW).verify(b64(data + Base64.getEncoder().encodeToString(padded))),
                "interactive_message.decode_trigger_id.signature_decode_failed", null);
        // zero or negative r, s parse but never verify
        byte[] zero = EcdsaDer.encode(BigInteger.ZERO, rs[1]);
        assertError(() -> at(NOW).verify(b64(data + Base64.getEncoder().encodeToString(zero))),
                "interactive_message.decode_trigger_id.verify_signature_failed", null);
    }

    private static byte[] nonMinimal(BigInteger r, BigInteger s) {
        byte[] rb = r.toByteArray();
        byte[] rPadded = new byte[rb.length + 1];
        System.arraycopy(rb, 0, rPadded, 1, rb.length);
        if (rb[0] < 0) {
            // r already needed its sign byte; two leading zeros are still non-minimal
            rPadded = new byte[rb.length + 1];
            System.arraycopy(rb, 0, rPadded, 1, rb.length);
        }
        byte[] sb = s.toByteArray();
        byte[] body = new byte[2 + rPadded.length + 2 + sb.length];
        body[0] = 0x02;
        body[1] = (byte) rPadded.length;
        System.arraycopy(rPadded, 0, body, 2, rPadded.length);
        body[2 + rPadded.length] = 0x02;
        body[3 + rPadded.length] = (byte) sb.length;
        System.arraycopy(sb, 0, body, 4 + rPadded.length, sb.length);
        byte[] out = new byte[2 + body.length];
        out[0] = 0x30;
        out[1] = (byte) body.length;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    @Test
    void goIntParsingIgnoresErrorsAsMattermostDoes() {
        assertThat(TriggerIds.parseGoInt64("123")).isEqualTo(123);
        assertThat(TriggerIds.parseGoInt64("+7")).isEqualTo(7);
        assertThat(TriggerIds.parseGoInt64("-7")).isEqualTo(-7);
        assertThat(TriggerIds.parseGoInt64("12a")).isZero();
        assertThat(TriggerIds.parseGoInt64("")).isZero();
        assertThat(TriggerIds.parseGoInt64("99999999999999999999")).isEqualTo(Long.MAX_VALUE);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String id,
                                    String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TriggerIdException.class, e -> {
            assertThat(e.error().id()).isEqualTo(id);
            assertThat(e.error().statusCode()).isEqualTo(400);
            if (message != null) {
                assertThat(e.error().message()).isEqualTo(message);
            }
        });
    }
}
