package io.hookline.runtime.secrets;

import io.hookline.schemas.interaction.AppError;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Mattermost's trigger ids: {@code base64(clientTriggerId:userId:millis:base64(DER ECDSA-P256-SHA256 signature))}.
 * Minted for each click (the signed id goes to the integration, the short client id to the clicker's client) and
 * verified when an integration opens a dialog with it, with Mattermost's steps, order and errors: expiry is checked
 * before the signature, future timestamps pass, an id is not single-use.
 */
public final class TriggerIds {

    /** A new trigger id: the long signed form for the integration, the short one for the client. */
    public record Minted(String clientTriggerId, String triggerId) {
    }

    /** What a valid trigger id says: whose it is and when it was made. */
    public record Verified(String clientTriggerId, String userId, long issuedAtMillis) {
    }

    private static final String PREFIX = "interactive_message.decode_trigger_id.";

    private final IntegrationSecrets secrets;
    private final Duration lifetime;
    private final Clock clock;

    /** @param lifetime how long an id verifies: Mattermost's OutgoingIntegrationRequestsTimeout */
    public TriggerIds(IntegrationSecrets secrets, Duration lifetime, Clock clock) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Minted mint(String clientTriggerId, String userId) {
        String data = clientTriggerId + ":" + userId + ":" + clock.millis() + ":";
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(secrets.privateKey());
            signer.update(data.getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            String triggerId = Base64.getEncoder().encodeToString((data + signature).getBytes(StandardCharsets.UTF_8));
            return new Minted(clientTriggerId, triggerId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("interactive_message.generate_trigger_id.signing_failed: " + e.getMessage(),
                    e);
        }
    }

    public Verified verify(String triggerId) throws TriggerIdException {
        byte[] decoded = GoBase64.decodeStd(triggerId == null ? "" : triggerId);
        if (decoded == null) {
            throw error("base64_decode_failed", "Failed to decode base64 for trigger ID for interactive dialog.");
        }
        String[] parts = new String(decoded, StandardCharsets.UTF_8).split(":", -1);
        if (parts.length != 4) {
            throw error("missing_data", "Trigger ID missing required data for interactive dialog.");
        }
        long issuedAt = parseGoInt64(parts[2]);
        if (clock.millis() - issuedAt > lifetime.toMillis()) {
            throw error("expired", "Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of "
                    + GoDuration.format(lifetime) + ".");
        }
        byte[] der = GoBase64.decodeStd(parts[3]);
        if (der == null) {
            throw error("base64_decode_failed_signature",
                    "Failed to decode base64 signature of trigger ID for interactive dialog.");
        }
        BigInteger[] rs = EcdsaDer.decode(der);
        if (rs == null) {
            throw error("signature_decode_failed",
                    "Failed to decode base64 signature of trigger ID for interactive dialog.");
        }
        String data = parts[0] + ":" + parts[1] + ":" + parts[2] + ":";
        if (!verifies(data, rs)) {
            throw error("verify_signature_failed", "Signature verification failed of trigger ID for interactive dialog.");
        }
        return new Verified(parts[0], parts[1], issuedAt);
    }

    private boolean verifies(String data, BigInteger[] rs) {
        if (rs[0].signum() <= 0 || rs[1].signum() <= 0) {
            return false; // Go's ecdsa.Verify refuses them; Java would refuse to encode them
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(secrets.publicKey());
            verifier.update(data.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(EcdsaDer.encode(rs[0], rs[1]));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Go's {@code strconv.ParseInt(s, 10, 64)} with the error ignored, as Mattermost does: anything odd is 0. */
    static long parseGoInt64(String s) {
        if (s.isEmpty() || !s.matches("[+-]?[0-9]+")) {
            return 0;
        }
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            // out of range: Go returns the clamped value with an error, which Mattermost ignores
            return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static TriggerIdException error(String id, String message) {
        return new TriggerIdException(new AppError(PREFIX + id, message, "", 400));
    }
}
