package io.hookline.dispatcher.http;

import io.hookline.schemas.delivery.DeliveryOutcome;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Calls integrations for clicks and dialogs as Mattermost's {@code DoActionRequest} does: one {@code POST} of a JSON
 * body with {@code Content-Type} and {@code Accept: application/json} and {@code User-Agent: Mattermost-Bot/1.1}, no
 * signature, URL credentials as Basic authorization (Go's client sends them so). Same SSRF guard, allow-list, timeouts
 * and TLS setting as the webhook client, but its own OkHttp client (threads, queue, connections): a flood of webhook
 * deliveries never delays a click. A 200's body is read whole up to {@link CallbackClient#MAX_RESPONSE_BYTES}, as
 * Mattermost's {@code io.ReadAll(io.LimitReader(body, 1 MiB))}; any other status is not a success and only an excerpt
 * is kept.
 */
public final class InteractionClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    /**
     * The error of a 200 whose body goes on past 1 MiB: Mattermost decodes only the cut body and refuses it (the
     * ingestor tells this failure of a 200 from a broken read by "too large").
     */
    public static final String TOO_LARGE = DeliveryOutcome.RESPONSE_TOO_LARGE + ": the body is larger than 1 MiB";

    private final CallbackTargets targets;
    private final OutgoingHttp outgoing;
    private final Clock clock;

    /**
     * @param options its own budget and transport settings; its user agent is ignored: Mattermost fixes the one
     *                integrations see ({@link CallbackClient#MATTERMOST_USER_AGENT})
     */
    public InteractionClient(CallbackClient.Options options, CallbackTargets targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
        this.outgoing = new OutgoingHttp(options, targets, "hookline-interaction", "interaction URLs");
    }

    /**
     * POSTs {@code body} to {@code url}. The future never fails, failures are results: a refused URL
     * ({@link FailureKind#FORBIDDEN_ADDRESS}, {@link FailureKind#INVALID_REQUEST}) is never connected to; a 200 whose
     * body exceeds 1 MiB is {@link FailureKind#RESPONSE_TOO_LARGE} with its first MiB.
     */
    public CompletableFuture<AttemptResult> post(String url, byte[] body) {
        long startedAt = clock.millis();
        long t0 = System.nanoTime();
        CompletableFuture<AttemptResult> result = new CompletableFuture<>();
        CallbackTargets.Target target;
        try {
            target = targets.target(url);
        } catch (RefusedException e) {
            result.complete(AttemptResult.failed(startedAt, 0, e.kind, e.getMessage()));
            return result;
        }
        Request.Builder request = new Request.Builder()
                .url(target.url())
                .header("Accept", "application/json")
                .header("User-Agent", CallbackClient.MATTERMOST_USER_AGENT)
                .post(RequestBody.create(body, JSON));
        if (target.authorization() != null) {
            request.header("Authorization", target.authorization());
        }
        outgoing.http.newCall(request.build()).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                result.complete(AttemptResult.failed(startedAt, CallbackClient.elapsedMs(t0),
                        CallbackClient.kindOf(e), CallbackClient.describe(e)));
            }

            @Override
            public void onResponse(Call call, Response response) {
                result.complete(read(call, response, startedAt, t0));
            }
        });
        return result;
    }

    private static AttemptResult read(Call call, Response response, long startedAt, long t0) {
        int status = response.code();
        String contentType = response.header("Content-Type");
        try (response; ResponseBody body = response.body()) {
            BufferedSource source = body.source();
            if (status != 200) {
                source.request(CallbackClient.EXCERPT_BYTES);
                byte[] excerpt = source.getBuffer().readByteArray(
                        Math.min(CallbackClient.EXCERPT_BYTES, source.getBuffer().size()));
                return new AttemptResult(startedAt, CallbackClient.elapsedMs(t0), status, excerpt, contentType,
                        FailureKind.NONE, "HTTP " + status, null);
            }
            int limit = CallbackClient.MAX_RESPONSE_BYTES;
            // one byte past the limit tells a body of exactly 1 MiB from a longer one
            boolean more = source.request(limit + 1L);
            byte[] bytes = source.getBuffer().readByteArray(Math.min(limit, source.getBuffer().size()));
            if (more) {
                // as Go's LimitReader: the rest is never read, so the connection cannot be reused
                call.cancel();
                return new AttemptResult(startedAt, CallbackClient.elapsedMs(t0), status, bytes, contentType,
                        FailureKind.RESPONSE_TOO_LARGE, TOO_LARGE, null);
            }
            return new AttemptResult(startedAt, CallbackClient.elapsedMs(t0), status, bytes, contentType,
                    FailureKind.NONE, null, null);
        } catch (IOException e) {
            if (status != 200) {
                return new AttemptResult(startedAt, CallbackClient.elapsedMs(t0), status, null, contentType,
                        FailureKind.NONE, "HTTP " + status, null);
            }
            return new AttemptResult(startedAt, CallbackClient.elapsedMs(t0), status, null, contentType,
                    CallbackClient.kindOf(e), "reading the response failed: " + CallbackClient.describe(e), null);
        }
    }

    @Override
    public void close() {
        outgoing.close();
    }
}
