package io.hookline.cli.hooks;

import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Turns a {@link HookDraft} into a complete {@link OutgoingWebhook}: a new id and token as Mattermost generates them
 * ({@code model.NewId()}), a Standard Webhooks signing secret, and creation times. Validation is separate.
 */
public final class HookFactory {

    /** 32 random bytes: the middle of the 24..64 the validator accepts, and HMAC-SHA256's block-friendly key size. */
    static final int SECRET_BYTES = 32;

    private final Supplier<String> newId;
    private final Supplier<String> newSecret;
    private final LongSupplier clock;

    public HookFactory(Supplier<String> newId, Supplier<String> newSecret, LongSupplier clock) {
        this.newId = newId;
        this.newSecret = newSecret;
        this.clock = clock;
    }

    /** Random ids and secrets, wall-clock time. */
    public static HookFactory secure() {
        SecureRandom random = new SecureRandom();
        return new HookFactory(Ids::newId, () -> newSigningSecret(random), System::currentTimeMillis);
    }

    public OutgoingWebhook create(HookDraft d) {
        long now = clock.getAsLong();
        return new OutgoingWebhook(newId.get(), newId.get(), now, now, 0, d.creatorId(), d.channelId(), d.teamId(),
                d.triggerWords(), d.triggerWhen().code(), d.callbackUrls(), d.displayName(), d.description(),
                d.contentType(), d.username(), d.iconUrl(), newSecret.get());
    }

    /** Mattermost's {@code regen_token}: the same hook with a new token, updated now. */
    public OutgoingWebhook withNewToken(OutgoingWebhook h) {
        return h.withToken(newId.get()).withUpdateAt(updateTime(h));
    }

    /**
     * A new signing secret, the replaced one kept as {@code previous_signing_secret} for {@code grace} so that
     * receivers can switch without rejecting a request (the dispatcher signs with both meanwhile). A zero grace, or a
     * hook that had no secret, leaves no previous secret. A secret replaced earlier and still in its grace period is
     * dropped: a request carries at most two signatures.
     */
    public OutgoingWebhook withRotatedSecret(OutgoingWebhook h, Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        long now = updateTime(h);
        boolean keepOld = h.signingSecret() != null && !grace.isZero();
        return h.withUpdateAt(now).withSigningSecrets(newSecret.get(), keepOld ? h.signingSecret() : null,
                keepOld ? now + grace.toMillis() : 0);
    }

    /** Mattermost's delete: the record stays, with {@code delete_at} (and {@code update_at}) set to now. */
    public OutgoingWebhook deleted(OutgoingWebhook h) {
        long now = updateTime(h);
        return h.withUpdateAt(now).withDeleteAt(now);
    }

    /** Now, but never before the hook's last update: a clock set back must not make a change look older. */
    private long updateTime(OutgoingWebhook h) {
        return Math.max(clock.getAsLong(), h.updateAt());
    }

    static String newSigningSecret(SecureRandom random) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return OutgoingWebhook.SIGNING_SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
