package io.hookline.cli.hooks;

import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.OutgoingWebhookValidator;
import io.hookline.schemas.hook.OutgoingWebhookValidator.Violation;
import io.hookline.schemas.Ids;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What every hook must satisfy before it is written, as failures an admin can act on: Mattermost's validation (each
 * broken rule with its field) and its conflict rule. Messages never contain the token or a signing secret.
 */
final class HookRules {

    private HookRules() {
    }

    /** @throws HookFailure listing every broken rule, one per line, by field */
    static void requireValid(OutgoingWebhook hook) {
        List<Violation> violations = OutgoingWebhookValidator.violations(hook);
        if (!violations.isEmpty()) {
            throw new HookFailure(HookFailure.Kind.INVALID, "the hook is not valid, nothing was written:\n"
                    + violations.stream().map(v -> "  " + v.field() + ": " + v.rule())
                    .collect(Collectors.joining("\n")), violations);
        }
    }

    /** @throws HookFailure naming the live hook of {@code table} that {@code hook} conflicts with */
    static void requireNoConflict(OutgoingWebhook hook, HookTable table) {
        String conflict = OutgoingWebhookValidator.conflictingHookId(hook, table.hooks());
        if (conflict != null) {
            throw new HookFailure(HookFailure.Kind.CONFLICT, "hook " + conflict + " of team " + hook.teamId()
                    + (hook.channelId().isEmpty() ? " (all channels)" : " in channel " + hook.channelId())
                    + " already has one of these callback URLs and one of these trigger words; nothing was written",
                    List.of());
        }
    }

    /** @throws HookFailure when {@code id} cannot be a hook id, before any broker is asked */
    static String requireId(String id) {
        String trimmed = id.trim();
        if (!Ids.isValid(trimmed)) {
            throw new HookFailure(HookFailure.Kind.NOT_FOUND, "ID: a hook id is " + Ids.RULE + ", got '" + id
                    + "'", List.of());
        }
        return trimmed;
    }
}
