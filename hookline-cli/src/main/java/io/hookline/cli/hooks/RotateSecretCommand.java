package io.hookline.cli.hooks;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hookline hooks rotate-secret ID}: a new Standard Webhooks signing secret with no downtime. The replaced
 * secret stays as {@code previous_signing_secret} for the grace period, during which the dispatcher sends a
 * {@code v1,} signature for each secret, so a receiver verifying with either accepts every request.
 */
@Command(name = "rotate-secret", mixinStandardHelpOptions = true,
        description = {"Give a hook a new signing secret and print the hook with it (the only time it is shown).",
                "The old secret keeps signing for --grace: meanwhile every request carries a signature for each",
                "secret (webhook-signature: v1,<new> v1,<old>), so receivers can switch without rejecting any.",
                "A hook without a secret gets its first one. Rotating again within the grace period retires the",
                "oldest secret at once: a request carries at most two signatures."},
        footer = {"", "Examples:", "  hookline hooks rotate-secret 7wuadkmtk86iunmx4aatczfzjr",
                "  hookline hooks rotate-secret 7wuadkmtk86iunmx4aatczfzjr --grace 7d",
                "  hookline hooks rotate-secret 7wuadkmtk86iunmx4aatczfzjr --grace 0    # the old secret leaked"})
public final class RotateSecretCommand extends HooklineSubcommand {

    @Parameters(paramLabel = "ID", description = "The hook's id.")
    String id;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = GracePeriod.DEFAULT,
            converter = GracePeriod.class,
            description = "How long the old secret keeps signing: 30m, 24h, 7d (at most 30d); 0 ends it at once "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration grace;

    private final HookFactory factory;

    public RotateSecretCommand() {
        this(HookFactory.secure());
    }

    RotateSecretCommand(HookFactory factory) {
        this.factory = factory;
    }

    @Override
    public Integer call() throws Exception {
        String hookId = HookRules.requireId(id);
        OutgoingWebhook[] replaced = new OutgoingWebhook[1];
        OutgoingWebhook rotated = HookStore.open(clientConfig(), err()).update(hookId, current -> {
            replaced[0] = current;
            return factory.withRotatedSecret(current, grace);
        });
        OutgoingWebhook before = replaced[0];
        // Only the new secret is worth showing; the token and the old secret stay masked.
        OutgoingWebhook shown = rotated.masked().withSigningSecret(rotated.signingSecret());
        out().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(shown));
        err().println("new signing secret for hook " + rotated.id() + "; " + oldSecretFate(before, rotated)
                + "; keep the new secret now, it is not shown again");
        return ExitCodes.OK;
    }

    private String oldSecretFate(OutgoingWebhook before, OutgoingWebhook rotated) {
        if (before.signingSecret() == null) {
            return "it had none before, requests are signed from now on";
        }
        if (rotated.previousSigningSecret() == null) {
            return "the old secret stopped signing at once (--grace 0)";
        }
        return "the old secret also signs until " + Instant.ofEpochMilli(rotated.previousSigningSecretExpiresAt())
                + " (--grace)";
    }
}
