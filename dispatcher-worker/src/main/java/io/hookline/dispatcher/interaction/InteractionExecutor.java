package io.hookline.dispatcher.interaction;

import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.delivery.DeliveryRecorder;
import io.hookline.dispatcher.delivery.DispatcherMetrics;
import io.hookline.dispatcher.http.AttemptResult;
import io.hookline.dispatcher.http.FailureKind;
import io.hookline.dispatcher.http.InteractionClient;
import io.hookline.dispatcher.retry.Verdict;
import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.schemas.Ids;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.InteractionCall;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * One interaction, end to end: resolve it ({@link #plan}), then either record its refusal or call the integration once
 * (no retries: Mattermost's client gets one answer) and record what came of it. Every interaction yields exactly one
 * outcome on {@code webhook-responses}, keyed by its channel id; only HTTP 200 is a success.
 */
public final class InteractionExecutor {

    /**
     * What an interaction resolved to, before any call.
     *
     * @param action  post_action: the action to call; null for dialogs and refusals
     * @param refusal the error Mattermost answers without a call; null when there is a call to make
     */
    public record Plan(InteractionEvent event, PostActionCookie action, AppError refusal) {

        /** Where the call goes: the action's integration URL, or the dialog's URL. */
        public String url() {
            return action != null ? action.integration().url() : event.url();
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /** The secrets-backed pieces: minting trigger ids for clicks and opening the cookies of ephemeral posts. */
    public record Secrets(TriggerIds triggerIds, ActionCookies cookies) {
    }

    private final InteractionClient client;
    private final Secrets secrets;
    private final DeliveryRecorder recorder;
    private final DispatcherMetrics metrics;
    private final Clock clock;

    public InteractionExecutor(InteractionClient client, Secrets secrets, DeliveryRecorder recorder,
                               DispatcherMetrics metrics, Clock clock) {
        this.client = client;
        this.secrets = secrets;
        this.recorder = recorder;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Resolves a usable event ({@link InteractionEvents#problem} is null); no I/O. */
    public Plan plan(InteractionEvent event) {
        if (event.isPostAction()) {
            Resolution r = ClickResolution.resolve(event, secrets.cookies());
            return new Plan(event, r.action(), r.refusal());
        }
        if (event.url().isEmpty()) {
            return new Plan(event, null, InteractionErrors.invalidBodyParam("url"));
        }
        return new Plan(event, null, null);
    }

    /**
     * Records the refusal, or makes the call and records its result.
     *
     * @return {@code handedOff} once the outcome is handed to the producer; {@code durable} once it is acknowledged
     */
    public DeliveryExecutor.Handoff run(Plan plan) {
        if (plan.refused()) {
            return handoff(refuse(plan.event(), plan.action(), plan.refusal()));
        }
        Request request = request(plan);
        if (request.refusal() != null) {
            return handoff(refuse(plan.event(), plan.action(), request.refusal()));
        }
        InteractionCall call = new InteractionCall(plan.event(), plan.action(), request.clientTriggerId(), null);
        CompletableFuture<Void> handedOff = new CompletableFuture<>();
        CompletableFuture<Void> durable = new CompletableFuture<>();
        client.post(plan.url(), request.body()).whenComplete((result, error) -> {
            try {
                if (error != null) {
                    throw error;
                }
                CompletableFuture<Void> written = record(call, result);
                handedOff.complete(null);
                written.whenComplete((v, e) -> {
                    if (e == null) {
                        durable.complete(null);
                    } else {
                        durable.completeExceptionally(e);
                    }
                });
            } catch (Throwable t) {
                handedOff.complete(null);
                durable.completeExceptionally(t);
            }
        });
        return new DeliveryExecutor.Handoff(handedOff, durable);
    }

    /** The body to send, with the client trigger id of a click; or why Mattermost could not have made it. */
    private record Request(String clientTriggerId, byte[] body, AppError refusal) {
    }

    private Request request(Plan plan) {
        InteractionEvent event = plan.event();
        if (!event.isPostAction()) {
            try {
                return new Request("", IntegrationRequests.dialog(event), null);
            } catch (IllegalArgumentException e) {
                return new Request("", null, InteractionErrors.marshal(event.type(), e.getMessage()));
            }
        }
        // deterministic, so a redelivered click gives the clicker's client the same short id; minted at call time,
        // so its lifetime is the call's
        String clientTriggerId = Ids.deterministic(event.id(), "trigger");
        String triggerId;
        try {
            triggerId = secrets.triggerIds().mint(clientTriggerId, event.user().id()).triggerId();
        } catch (IllegalStateException e) {
            return new Request("", null, InteractionErrors.signingFailed(e.getMessage()));
        }
        try {
            return new Request(clientTriggerId, IntegrationRequests.postAction(event, plan.action(), triggerId), null);
        } catch (IllegalArgumentException e) {
            return new Request("", null, InteractionErrors.marshal(event.type(), e.getMessage()));
        }
    }

    private CompletableFuture<Void> refuse(InteractionEvent event, PostActionCookie action, AppError refusal) {
        metrics.interaction(event.type(), "refused", refusal.id(), null);
        InteractionCall call = new InteractionCall(event, action, "", refusal);
        String detail = refusal.detailedError().isEmpty() ? "" : ": " + refusal.detailedError();
        try {
            return recorder.outcome(event.channel().id(), DeliveryOutcome.ofInteraction(call, DeliveryOutcome.FAILED,
                    null, null, null, "refused without a call: " + refusal.id() + detail, List.of(), clock.millis()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Only a 200 whose body was read whole (at most 1 MiB) succeeds; the body is then kept as text. */
    private CompletableFuture<Void> record(InteractionCall call, AttemptResult result) {
        boolean succeeded = result.failure() == FailureKind.NONE && Integer.valueOf(200).equals(result.httpStatus());
        String error = succeeded ? null : result.failureText();
        DeliveryAttempt attempt = new DeliveryAttempt(1, result.startedAt(), result.latencyMs(), result.httpStatus(),
                error, result.bodyExcerpt());
        metrics.interaction(call.event().type(), succeeded ? DeliveryOutcome.SUCCEEDED : DeliveryOutcome.FAILED,
                Verdict.reason(result), result.latencyMs());
        DeliveryOutcome outcome = DeliveryOutcome.ofInteraction(call,
                succeeded ? DeliveryOutcome.SUCCEEDED : DeliveryOutcome.FAILED, result.httpStatus(),
                succeeded ? new String(result.body(), StandardCharsets.UTF_8) : null, result.contentType(), error,
                List.of(attempt), clock.millis());
        String key = call.event().channel().id();
        CompletableFuture<Void> written = recorder.outcome(key, outcome);
        if (!succeeded) {
            return written;
        }
        // an answer of up to 1 MiB beside the event may not fit in one record: then the click fails visibly with the
        // reason, instead of stopping the lane on an outcome that can never be written
        return written.exceptionallyCompose(e -> !tooLarge(e) ? CompletableFuture.failedFuture(e)
                : recordTooLarge(key, call, result));
    }

    private CompletableFuture<Void> recordTooLarge(String key, InteractionCall call, AttemptResult result) {
        metrics.interaction(call.event().type(), DeliveryOutcome.FAILED, "too_large_to_record", null);
        String error = tooLargeToRecord(result);
        DeliveryAttempt attempt = new DeliveryAttempt(1, result.startedAt(), result.latencyMs(), result.httpStatus(),
                error, result.bodyExcerpt());
        return recorder.outcome(key, DeliveryOutcome.ofInteraction(call, DeliveryOutcome.FAILED, result.httpStatus(),
                null, result.contentType(), error, List.of(attempt), clock.millis()));
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static String tooLargeToRecord(AttemptResult result) {
        return "the integration's answer (" + result.body().length + " bytes) is too large to record on "
                + "webhook-responses";
    }

    private static DeliveryExecutor.Handoff handoff(CompletableFuture<Void> durable) {
        return new DeliveryExecutor.Handoff(CompletableFuture.completedFuture(null), durable);
    }
}
