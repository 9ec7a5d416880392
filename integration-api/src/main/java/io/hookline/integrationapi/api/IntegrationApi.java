package io.hookline.integrationapi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of Mattermost's REST API an integration calls: routes a request to its answer, with Mattermost's paths,
 * methods, status codes and error bodies.
 *
 * <ul>
 *   <li>{@code POST /api/v4/actions/dialogs/open}: no session, the trigger id is the credential (see
 *       {@link DialogOpener}); 200 {@code {"status":"OK"}} once the {@code open_dialog} command is written.</li>
 *   <li>{@code GET /api/v4/config/client?format=old}: the client configuration a caller without a session gets, here
 *       only {@code AsymmetricSigningPublicKey}, so integrations can verify trigger ids themselves; without
 *       {@code format} 501, with another format 400, as Mattermost.</li>
 *   <li>{@code GET /api/v4/system/ping}: {@code {"status":"OK"}}, a probe.</li>
 * </ul>
 *
 * An unknown path is a 404 with Mattermost's {@code Handle404} body; a known path with another method is a 405 with an
 * {@code Allow} header and no body (Mattermost's router does the same).
 */
public final class IntegrationApi {

    /**
     * Mattermost's default {@code MaximumPayloadSizeBytes} (300000) plus the {@code bytes.MinRead} (512) its
     * {@code MaxBytesReader} allows beyond it: a longer body is refused with 413.
     */
    public static final int MAX_BODY_BYTES = 300_000 + 512;

    static final String OPEN_DIALOG_PATH = "/api/v4/actions/dialogs/open";
    static final String CLIENT_CONFIG_PATH = "/api/v4/config/client";
    static final String PING_PATH = "/api/v4/system/ping";

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationApi.class);

    private record Route(String name, String method, Handler handler) {
    }

    @FunctionalInterface
    private interface Handler {
        ApiResponse handle(ApiRequest request, String requestId) throws IOException;
    }

    private final DialogOpener opener;
    private final CommandWriter writer;
    private final byte[] clientConfig;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    /**
     * @param publicKeyBase64 the trigger ids' public key as Mattermost publishes it (base64 of its PKIX DER)
     * @param writer          where {@code open_dialog} commands go; it returns once they are durably written
     */
    public IntegrationApi(TriggerIds triggerIds, String publicKeyBase64, CommandWriter writer) {
        this.opener = new DialogOpener(triggerIds);
        this.writer = writer;
        this.clientConfig = clientConfig(publicKeyBase64);
        routes.put(OPEN_DIALOG_PATH, new Route("open_dialog", "POST", this::openDialog));
        routes.put(CLIENT_CONFIG_PATH, new Route("client_config", "GET", this::clientConfig));
        routes.put(PING_PATH, new Route("ping", "GET", (request, requestId) -> ApiResponse.statusOk("ping",
                requestId)));
    }

    /** The answer to {@code request}; a failure to read its body is thrown (the connection is gone). */
    public ApiResponse handle(ApiRequest request) throws IOException {
        Route route = routes.get(request.path());
        if (route == null) {
            return ApiResponse.error("not_found", ApiErrors.notFound(request.path()));
        }
        if (!route.method().equals(request.method())) {
            return new ApiResponse("method_not_allowed", 405, Map.of("Allow", route.method()), new byte[0]);
        }
        return route.handler().handle(request, Ids.newId());
    }

    private ApiResponse openDialog(ApiRequest request, String requestId) throws IOException {
        byte[] body;
        try {
            body = request.body().readAtMost(MAX_BODY_BYTES);
        } catch (ApiRequest.TooLarge e) {
            return ApiResponse.error("open_dialog", ApiErrors.requestBodyTooLarge(requestId));
        }
        DialogOpener.Opening opening = opener.open(body, requestId);
        if (opening instanceof DialogOpener.Refused refused) {
            LOG.info("dialog not opened (request {}): {}", requestId, refused.reason());
            return ApiResponse.error("open_dialog", refused.error());
        }
        DialogOpener.Open open = (DialogOpener.Open) opening;
        if (!open.problems().isEmpty()) {
            // Mattermost opens an invalid dialog all the same and only logs it; so does Hookline
            LOG.warn("Interactive dialog is invalid (callback_id '{}', user {}, request {}): {}", open.callbackId(),
                    open.key(), requestId, String.join("; ", open.problems()));
        }
        try {
            writer.write(open.key(), open.command());
        } catch (CommandWriter.NotWritten e) {
            LOG.error("dialog for user {} not opened (request {}): the open_dialog command was not written: {}",
                    open.key(), requestId, e.getMessage());
            return ApiResponse.error("open_dialog", ApiErrors.openDialogNotWritten(requestId));
        }
        LOG.debug("open_dialog {} written for user {}", open.command().id(), open.key());
        return ApiResponse.statusOk("open_dialog", requestId);
    }

    private ApiResponse clientConfig(ApiRequest request, String requestId) {
        String format = QueryString.first(request.rawQuery(), "format");
        if (format.isEmpty()) {
            return ApiResponse.error("client_config", ApiErrors.clientConfigOldFormat(requestId));
        }
        if (!format.equals("old")) {
            return ApiResponse.error("client_config", ApiErrors.invalidBodyParam("format", requestId));
        }
        return ApiResponse.json("client_config", 200, clientConfig, requestId);
    }

    /** A JSON object of strings, keys sorted as Go writes a map. */
    private static byte[] clientConfig(String publicKeyBase64) {
        Map<String, String> config = new TreeMap<>();
        config.put("AsymmetricSigningPublicKey", publicKeyBase64);
        try {
            return Json.mapper().writeValueAsBytes(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
