package io.hookline.cli.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.cli.hooks.GracePeriod;
import io.hookline.cli.hooks.HookChanges;
import io.hookline.cli.hooks.HookDocument;
import io.hookline.cli.hooks.HookDraft;
import io.hookline.cli.hooks.HookFactory;
import io.hookline.cli.hooks.HookFailure;
import io.hookline.cli.hooks.HookStore;
import io.hookline.cli.hooks.HookTable;
import io.hookline.cli.hooks.TriggerWhen;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.hook.CallbackUrlCredentials;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.TypeConversionException;

/**
 * The Hooks page's API: the {@code hooks} commands' own store, factory and rules ({@link HookStore},
 * {@link HookFactory}), so that validation, the conflict rule and their messages are the CLI's. Token and signing
 * secret are in a response only when it creates or replaces them.
 */
final class HooksApi implements ConsoleApi {

    private final Supplier<HookStore> store;
    private final HookFactory factory;

    /** {@code store} opens the store on first use (it creates missing topics), so that the console starts at once. */
    HooksApi(HooklineConfig config, HookFactory factory) {
        this.store = new Once<>(() -> HookStore.open(config, null));
        this.factory = factory;
    }

    /** The body of a create or an edit: the fields of {@code hooks create} and {@code hooks update}. */
    record HookForm(String teamId, String channelId, List<String> triggerWords, String triggerWhen,
                    List<String> callbackUrls, String creatorId, String displayName, String description,
                    String contentType, String username, String iconUrl) {
    }

    /** The body of a rotation: how long the old secret keeps signing (default {@value GracePeriod#DEFAULT}). */
    record Rotation(String grace) {
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/hooks", r -> ApiResponse.ok(list(store.get().read())));
        routes.get("/api/hooks/{id}", r -> ApiResponse.ok(HookDocument.of(state(r.pathParam("id")))));
        routes.post("/api/hooks", r -> ApiResponse.created(create(r.body(HookForm.class))));
        routes.put("/api/hooks/{id}", r -> ApiResponse.ok(update(r.pathParam("id"), r.body(HookForm.class))));
        routes.delete("/api/hooks/{id}", r -> ApiResponse.ok(delete(r.pathParam("id"))));
        routes.post("/api/hooks/{id}/regen-token", r -> ApiResponse.ok(regenerateToken(r.pathParam("id"))));
        routes.post("/api/hooks/{id}/rotate-secret", r -> ApiResponse.ok(rotateSecret(r.pathParam("id"),
                r.body(Rotation.class))));
    }

    private static Map<String, Object> list(HookTable table) {
        List<ObjectNode> hooks = table.states().values().stream().map(HookDocument::of).toList();
        return Map.of("hooks", hooks, "deleted", table.deleted(), "keyless", table.keyless());
    }

    private HookState state(String id) {
        return refusing(() -> store.get().state(id));
    }

    private ObjectNode create(HookForm form) {
        HookDraft draft = new HookDraft(trim(form.teamId()), trim(form.channelId()), form.triggerWords(),
                triggerWhen(form.triggerWhen(), TriggerWhen.EXACT), form.callbackUrls(), orEmpty(form.displayName()),
                orEmpty(form.description()), form.contentType() == null || form.contentType().isBlank()
                ? ContentTypes.JSON : form.contentType().trim(), trim(form.creatorId()), orEmpty(form.username()),
                orEmpty(form.iconUrl()));
        OutgoingWebhook hook = factory.create(draft);
        refusing(() -> {
            store.get().create(hook);
            return hook;
        });
        // the one response that shows the token and the signing secret
        ObjectNode shown = Json.mapper().valueToTree(hook);
        shown.put("status", HookDocument.LIVE);
        return shown;
    }

    private ObjectNode update(String id, HookForm form) {
        if (form.teamId() != null || form.creatorId() != null) {
            throw ApiException.badRequest(form.teamId() != null ? "team_id" : "creator_id", "a hook's team and "
                    + "creator never change (as with hookline hooks update); create a new hook instead");
        }
        OutgoingWebhook updated = refusing(() -> store.get().update(id, current -> new HookChanges(
                form.channelId() == null ? null : form.channelId().trim(), form.triggerWords(), false,
                triggerWhen(form.triggerWhen(), null), unmasked(form.callbackUrls(), current), form.displayName(),
                form.description(), form.contentType(), form.username(), form.iconUrl()).applyNow(current)));
        return HookDocument.of(new HookState.Live(updated));
    }

    private Map<String, Object> delete(String id) {
        refusing(() -> store.get().delete(id, factory::deleted));
        return Map.of("id", id, "deleted", true);
    }

    private ObjectNode regenerateToken(String id) {
        OutgoingWebhook updated = refusing(() -> store.get().update(id, factory::withNewToken));
        ObjectNode shown = HookDocument.of(new HookState.Live(updated));
        shown.put("token", updated.token());
        return shown;
    }

    private ObjectNode rotateSecret(String id, Rotation rotation) {
        Duration grace;
        try {
            grace = GracePeriod.parse(rotation.grace() == null || rotation.grace().isBlank() ? GracePeriod.DEFAULT
                    : rotation.grace());
        } catch (TypeConversionException e) {
            throw ApiException.badRequest("grace", e.getMessage());
        }
        OutgoingWebhook rotated = refusing(() -> store.get().update(id, h -> factory.withRotatedSecret(h, grace)));
        ObjectNode shown = HookDocument.of(new HookState.Live(rotated));
        shown.put("signing_secret", rotated.signingSecret());
        return shown;
    }

    /**
     * The edited URLs, where one the page showed masked (its password as {@code ****}) and sent back unchanged is the
     * hook's own URL again, so that editing another field does not replace a password with asterisks.
     */
    static List<String> unmasked(List<String> edited, OutgoingWebhook current) {
        if (edited == null) {
            return null;
        }
        List<String> urls = new ArrayList<>();
        for (String url : edited) {
            String original = current.callbackUrls().stream()
                    .filter(u -> !u.equals(url) && CallbackUrlCredentials.masked(u).equals(url)).findFirst()
                    .orElse(url);
            urls.add(original);
        }
        return urls;
    }

    private static TriggerWhen triggerWhen(String value, TriggerWhen absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return new TriggerWhen.Converter().convert(value);
        } catch (TypeConversionException e) {
            throw ApiException.badRequest("trigger_when", e.getMessage());
        }
    }

    /** Runs a store operation, turning the rules' refusals into the API's errors at their fields. */
    private static <T> T refusing(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (HookFailure e) {
            throw switch (e.kind()) {
                case INVALID -> new ApiException(400, e.getMessage(), e.violations().isEmpty() ? null
                        : e.violations().get(0).field(), e.violations().stream()
                        .map(v -> new ApiException.FieldError(v.field(), v.rule())).toList());
                case CONFLICT -> new ApiException(409, e.getMessage(), "callback_urls", List.of(
                        new ApiException.FieldError("callback_urls", e.getMessage()),
                        new ApiException.FieldError("trigger_words", e.getMessage())));
                case NOT_FOUND -> ApiException.notFound(e.getMessage());
                case NOT_CHANGEABLE -> new ApiException(409, e.getMessage(), null, List.of());
            };
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
