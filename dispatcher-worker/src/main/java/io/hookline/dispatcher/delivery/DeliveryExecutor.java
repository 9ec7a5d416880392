package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.flow.HostSignal;
import io.hookline.dispatcher.hook.HookTable;
import io.hookline.dispatcher.hook.SendDecision;
import io.hookline.dispatcher.http.AttemptResult;
import io.hookline.dispatcher.http.CallbackClient;
import io.hookline.dispatcher.http.FailureKind;
import io.hookline.dispatcher.retry.Verdict;
import io.hookline.dispatcher.retry.RetrySchedule;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * One attempt of a delivery and what follows from it: a succeeded outcome, a scheduled retry, or a failed outcome
 * with the whole attempt history. Every attempt is made with the hook as the hook table has it at send time; a
 * delivery whose hook is gone by then is not attempted and fails, marked so that nobody is told in the channel. A
 * failed delivery is not a dead letter (the trigger was readable): its outcome on {@code webhook-responses} is where
 * an operator finds it and {@code hookline deliveries redeliver} sends it again.
 */
public final class DeliveryExecutor {

    /**
     * @param handedOff completes once the result records are handed to the producer (their order is then fixed); a
     *                  webhook attempt completes it with the {@link HostSignal} of the attempt, which the scheduler's
     *                  per-host limit learns from
     * @param durable   completes once every result record is acknowledged; fails when one could not be written
     */
    public record Handoff(CompletableFuture<?> handedOff, CompletableFuture<Void> durable) {
    }

    private final CallbackClient client;
    private final HookTable hooks;
    private final DeliveryRecorder recorder;
    private final RetrySchedule schedule;
    private final DispatcherMetrics metrics;
    private final Clock clock;
    private final DoubleSupplier random;

    public DeliveryExecutor(CallbackClient client, HookTable hooks, DeliveryRecorder recorder, RetrySchedule schedule,
                            DispatcherMetrics metrics, Clock clock, DoubleSupplier random) {
        this.client = client;
        this.hooks = hooks;
        this.recorder = recorder;
        this.schedule = schedule;
        this.metrics = metrics;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Makes the next attempt of {@code trigger}.
     *
     * @param lane     {@code first} or {@code retry}, for metrics
     * @param key      the record key of the trigger (results carry the same key)
     * @param previous attempts made before this one
     */
    public Handoff attempt(String lane, String key, WebhookTrigger trigger, List<DeliveryAttempt> previous) {
        CompletableFuture<HostSignal> handedOff = new CompletableFuture<>();
        CompletableFuture<Void> durable = new CompletableFuture<>();
        hooks.decide(trigger.hookId(), trigger.callbackUrl()).handle((decision, lookupError) -> {
            if (lookupError != null) {
                return CompletableFuture.completedFuture(new Attempt(trigger, AttemptResult.failed(clock.millis(), 0,
                        FailureKind.HOOK_TABLE_BEHIND, "not attempted: hook " + trigger.hookId() + " is not in the "
                                + "hook table and webhook-configs could not be read to its end within "
                                + hooks.catchUpWait().toSeconds() + " s")));
            }
            if (decision instanceof SendDecision.Send send) {
                WebhookTrigger current = trigger.withHook(send.hook());
                return client.send(current, send.hook()).thenApply(result -> new Attempt(current, result));
            }
            return CompletableFuture.completedFuture(new Attempt(trigger, null,
                    ((SendDecision.Gone) decision).reason()));
        }).thenCompose(f -> f).whenComplete((attempt, error) -> {
            try {
                if (error != null) {
                    throw error;
                }
                CompletableFuture<Void> written = attempt.goneReason() != null
                        ? gone(key, attempt.trigger(), previous, attempt.goneReason())
                        : record(lane, key, attempt.trigger(), previous, attempt.result());
                handedOff.complete(HostSignal.of(attempt.result()));
                forward(written, durable);
            } catch (Throwable t) {
                handedOff.complete(HostSignal.NONE);
                durable.completeExceptionally(t);
            }
        });
        return new Handoff(handedOff, durable);
    }

    /** What came of trying: the trigger as sent and the result, or why its hook is gone (nothing was sent). */
    private record Attempt(WebhookTrigger trigger, AttemptResult result, String goneReason) {
        Attempt(WebhookTrigger trigger, AttemptResult result) {
            this(trigger, result, null);
        }
    }

    /** The failed outcome of a delivery whose hook is gone: the attempts made before, none now. */
    private CompletableFuture<Void> gone(String key, WebhookTrigger trigger, List<DeliveryAttempt> previous,
                                         String reason) {
        metrics.outcome(DeliveryOutcome.FAILED, "hook_gone");
        return recorder.outcome(key, new DeliveryOutcome(trigger.deliveryId(), trigger.redacted(), DeliveryOutcome.FAILED, null,
                null, null, reason, previous, clock.millis(), true));
    }

    /**
     * Sets a delivery aside without an attempt, because its host is too slow (not failing) to take it within the
     * allowed wait: it goes to the retry schedule due after about {@code delay} (spread like retry delays, so a batch
     * set aside together does not come back at once) with the attempts made before and none added. Only a request
     * made counts as an attempt, so being set aside never uses up a delivery's retries.
     */
    public Handoff setAside(String lane, String key, WebhookTrigger trigger, List<DeliveryAttempt> previous,
                            Duration delay) {
        long spread = Math.round(delay.toMillis() * (1 + schedule.jitter() * (2 * random.getAsDouble() - 1)));
        CompletableFuture<Void> durable;
        try {
            metrics.setAside(lane);
            durable = recorder.retry(key, new ScheduledRetry(trigger, previous, clock.millis() + Math.max(0, spread)));
        } catch (RuntimeException e) {
            durable = CompletableFuture.failedFuture(e);
        }
        return new Handoff(CompletableFuture.completedFuture(HostSignal.NONE), durable);
    }

    /** Whether the attempt after {@code previous} is the delivery's last (no retry may follow it). */
    public boolean lastAttempt(List<DeliveryAttempt> previous) {
        return !schedule.allowsAnother(previous.size() + 1);
    }

    /**
     * Spends the next attempt of a delivery without a request, because its destination is failing and would not
     * start it within {@code maxWait}: recorded as a retryable attempt "not sent" (no status), so it follows the retry
     * schedule, so a delivery whose destination never recovers comes to its last attempt within the schedule's span
     * (see {@code flow.Admission#FAIL_FAST}). Never used for a delivery's last attempt, which is always a request.
     */
    public Handoff failFast(String lane, String key, WebhookTrigger trigger, List<DeliveryAttempt> previous,
                            String destination, Duration maxWait) {
        CompletableFuture<Void> durable;
        try {
            durable = record(lane, key, trigger, previous, AttemptResult.failed(clock.millis(), 0,
                    FailureKind.HOST_FAILING, "not sent: " + destination + " is failing (most of its recent requests "
                            + "failed) and would not start this delivery within " + maxWait.toMillis() + " ms"));
        } catch (RuntimeException e) {
            durable = CompletableFuture.failedFuture(e);
        }
        return new Handoff(CompletableFuture.completedFuture(HostSignal.NONE), durable);
    }

    private static void forward(CompletableFuture<Void> from, CompletableFuture<Void> to) {
        from.whenComplete((v, e) -> {
            if (e == null) {
                to.complete(null);
            } else {
                to.completeExceptionally(e);
            }
        });
    }

    private CompletableFuture<Void> record(String lane, String key, WebhookTrigger trigger,
                                           List<DeliveryAttempt> previous, AttemptResult result) {
        int number = previous.size() + 1;
        Verdict verdict = Verdict.of(result);
        String reason = Verdict.reason(result);
        String error = verdict == Verdict.SUCCEEDED ? null : result.failureText();
        List<DeliveryAttempt> attempts = new ArrayList<>(previous);
        attempts.add(new DeliveryAttempt(number, result.startedAt(), result.latencyMs(), result.httpStatus(), error,
                result.bodyExcerpt()));
        metrics.attempt(lane, verdict.name().toLowerCase(java.util.Locale.ROOT), reason, result.latencyMs());

        if (verdict == Verdict.SUCCEEDED) {
            metrics.outcome(DeliveryOutcome.SUCCEEDED, reason);
            return recorder.outcome(key, new DeliveryOutcome(trigger.deliveryId(), trigger.redacted(),
                    DeliveryOutcome.SUCCEEDED, result.httpStatus(), new String(result.body(), StandardCharsets.UTF_8),
                    result.contentType(), null, attempts, clock.millis()));
        }
        if (verdict == Verdict.RETRYABLE && schedule.allowsAnother(number)) {
            long dueAt = clock.millis() + schedule.delayAfter(number, result.retryAfter(), random).toMillis();
            metrics.retryScheduled();
            return recorder.retry(key, new ScheduledRetry(trigger, attempts, dueAt));
        }
        String finalError = verdict == Verdict.RETRYABLE
                ? "gave up after " + number + " attempt" + (number == 1 ? "" : "s") + ": " + error : error;
        metrics.outcome(DeliveryOutcome.FAILED, verdict == Verdict.RETRYABLE ? "exhausted" : reason);
        return recorder.outcome(key, new DeliveryOutcome(trigger.deliveryId(), trigger.redacted(),
                DeliveryOutcome.FAILED, result.httpStatus(), null, result.contentType(), finalError, attempts,
                clock.millis()));
    }
}
