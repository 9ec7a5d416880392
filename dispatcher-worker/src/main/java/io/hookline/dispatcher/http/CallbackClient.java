package io.hookline.dispatcher.http;

import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.dispatcher.request.CallbackBody;
import io.hookline.dispatcher.request.SigningSecret;
import io.hookline.dispatcher.request.StandardWebhookSigner;
import io.hookline.dispatcher.ssrf.ForbiddenAddressException;
import io.hookline.dispatcher.ssrf.VettingDns;
import io.hookline.schemas.hook.CallbackUrlCredentials;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Performs one callback attempt with OkHttp, asynchronously: Mattermost's request (body with the hook's token,
 * headers, URL credentials as Basic authorization), a Standard Webhooks signature when the hook has secrets, the SSRF
 * guard on every address, no redirects, a connect timeout and a whole-request timeout, and a successful response read
 * only until its first JSON value is complete (as Mattermost's decoder reads it), within {@link #MAX_RESPONSE_BYTES}.
 */
public final class CallbackClient implements AutoCloseable {

    /** Mattermost's {@code MaxIntegrationResponseSize}. */
    public static final int MAX_RESPONSE_BYTES = 1 << 20;
    /** How much of a response body an attempt record keeps. */
    public static final int EXCERPT_BYTES = 2048;

    /** What Mattermost's outgoing webhooks send as {@code User-Agent}. */
    public static final String MATTERMOST_USER_AGENT = "Mattermost-Bot/1.1";

    /**
     * @param maxRequests     upper bound of calls OkHttp runs at once (the dispatcher's budgets are smaller)
     * @param userAgent       the {@code User-Agent} header
     * @param insecureTls     Mattermost's {@code EnableInsecureOutgoingConnections}: certificates and host names of
     *                        HTTPS callbacks are not verified
     * @param socketFactory   null for the platform's; tests pass one that watches every connect
     */
    public record Options(Duration connectTimeout, Duration requestTimeout, int maxRequests, String userAgent,
                          boolean insecureTls, VettingDns.Resolver resolver, SocketFactory socketFactory) {
        /** Mattermost's request identity and verified TLS. */
        public static Options of(Duration connectTimeout, Duration requestTimeout, int maxRequests) {
            return new Options(connectTimeout, requestTimeout, maxRequests, MATTERMOST_USER_AGENT, false,
                    okhttp3.Dns.SYSTEM::lookup, null);
        }

        public Options with(VettingDns.Resolver resolver, SocketFactory socketFactory) {
            return new Options(connectTimeout, requestTimeout, maxRequests, userAgent, insecureTls, resolver,
                    socketFactory);
        }

        public Options with(String userAgent, boolean insecureTls) {
            return new Options(connectTimeout, requestTimeout, maxRequests, userAgent, insecureTls, resolver,
                    socketFactory);
        }
    }

    private static final MediaType JSON = MediaType.get(CallbackBody.JSON);
    private static final MediaType FORM = MediaType.get(CallbackBody.FORM);

    private final CallbackTargets targets;
    private final OutgoingHttp outgoing;
    private final OkHttpClient http;
    private final Clock clock;
    private final String userAgent;

    /** @param targets the dispatcher's callback URLs, shared with its lanes; their policy guards every address */
    public CallbackClient(Options options, CallbackTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
        this.userAgent = options.userAgent();
        this.outgoing = new OutgoingHttp(options, targets, "hookline-callback", "callback URLs");
        this.http = outgoing.http;
    }

    /**
     * Sends one attempt of {@code trigger} with {@code hook} as it is now: its token in the body, signed with the
     * secrets valid now. The future never fails, failures are results.
     */
    public CompletableFuture<AttemptResult> send(WebhookTrigger trigger, OutgoingWebhook hook) {
        long startedAt = clock.millis();
        long t0 = System.nanoTime();
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        Request request;
        try {
            request = buildRequest(trigger, hook, startedAt);
        } catch (RefusedException e) {
            result.complete(AttemptResult.failed(startedAt, 0, e.kind, e.getMessage()));
            return result;
        }
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.complete(AttemptResult.failed(startedAt, elapsedMs(t0), kindOf(e), describe(e)));
            }

            @Override
            public void onResponse(Call call, Response response) {
                result.complete(read(call, response, startedAt, t0));
            }
        });
        return result;
    }

    private Request buildRequest(WebhookTrigger trigger, OutgoingWebhook hook, long now) throws RefusedException {
        CallbackTargets.Target target = targets.target(trigger.callbackUrl());
        if (trigger.payload() == null) {
            throw new RefusedException(FailureKind.INVALID_REQUEST, "trigger has no payload");
        }
        List<SigningSecret> secrets;
        try {
            secrets = StandardWebhookSigner.parseAll(hook.signingSecretsAt(now));
        } catch (IllegalArgumentException e) {
            throw new RefusedException(FailureKind.INVALID_REQUEST, e.getMessage());
        }
        CallbackBody body = CallbackBody.of(hook.contentType(), trigger.payload().withToken(hook.token()));
        Request.Builder b = new Request.Builder()
                .url(target.url())
                .header("Accept", CallbackBody.JSON)
                .header("User-Agent", userAgent)
                .post(RequestBody.create(body.bytes(), CallbackBody.JSON.equals(body.contentType()) ? JSON : FORM));
        if (target.authorization() != null) {
            b.header("Authorization", target.authorization());
        }
        if (!secrets.isEmpty()) {
            long ts = now / 1000;
            b.header(StandardWebhookSigner.ID_HEADER, trigger.deliveryId())
                    .header(StandardWebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(StandardWebhookSigner.SIGNATURE_HEADER,
                            StandardWebhookSigner.signatureHeader(trigger.deliveryId(), ts, body.bytes(), secrets));
        }
        return b.build();
    }

    private static AttemptResult read(Call call, Response response, long startedAt, long t0) {
        int status = response.code();
        String contentType = response.header("Content-Type");
        java.time.Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), java.time.Instant.now());
        boolean success = status >= 200 && status < 300;
        try (response; ResponseBody body = response.body()) {
            BufferedSource source = body.source();
            if (success) {
                FirstJsonValue.Reading reading = FirstJsonValue.read(source, body.contentLength(), MAX_RESPONSE_BYTES);
                if (reading.unread()) {
                    // as Go's client: the connection is closed, not drained of what follows the value
                    call.cancel();
                }
                if (reading.ending() == FirstJsonValue.Ending.TOO_LARGE) {
                    byte[] excerpt = Arrays.copyOf(reading.bytes(), Math.min(EXCERPT_BYTES, reading.bytes().length));
                    return new AttemptResult(startedAt, elapsedMs(t0), status, excerpt, contentType,
                            FailureKind.RESPONSE_TOO_LARGE, DeliveryOutcome.RESPONSE_TOO_LARGE + ": no complete JSON value in its first "
                            + MAX_RESPONSE_BYTES + " bytes", retryAfter);
                }
                return new AttemptResult(startedAt, elapsedMs(t0), status, reading.bytes(), contentType,
                        FailureKind.NONE, null, retryAfter);
            }
            source.request(EXCERPT_BYTES);
            byte[] excerpt = source.getBuffer().readByteArray(Math.min(EXCERPT_BYTES, source.getBuffer().size()));
            return new AttemptResult(startedAt, elapsedMs(t0), status, excerpt, contentType, FailureKind.NONE,
                    "HTTP " + status, retryAfter);
        } catch (IOException e) {
            if (!success) {
                // the status already decides; a broken error body does not change it
                return new AttemptResult(startedAt, elapsedMs(t0), status, null, contentType, FailureKind.NONE,
                        "HTTP " + status, retryAfter);
            }
            return new AttemptResult(startedAt, elapsedMs(t0), status, null, contentType, kindOf(e),
                    "reading the response failed: " + describe(e), retryAfter);
        }
    }

    static FailureKind kindOf(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ForbiddenAddressException) {
                return FailureKind.FORBIDDEN_ADDRESS;
            }
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return FailureKind.TIMEOUT;
        }
        if (e instanceof UnknownHostException || e instanceof ConnectException
                || e instanceof NoRouteToHostException) {
            return FailureKind.CONNECT;
        }
        return FailureKind.IO;
    }

    static String describe(IOException e) {
        if (kindOf(e) == FailureKind.FORBIDDEN_ADDRESS) {
            return ForbiddenAddressException.MESSAGE;
        }
        String m = CallbackUrlCredentials.maskedIn(e.getMessage());
        String kind = e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException) ? "timeout"
                : e.getClass().getSimpleName();
        return m == null || m.isBlank() || m.equals(kind) ? kind : kind + ": " + m;
    }

    static long elapsedMs(long t0) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    @Override
    public void close() {
        outgoing.close();
    }
}
