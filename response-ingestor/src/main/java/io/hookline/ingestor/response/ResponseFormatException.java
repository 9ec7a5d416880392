package io.hookline.ingestor.response;

/**
 * The callback's body is not a valid Mattermost {@code OutgoingWebhookResponse}: not JSON, or a known field with the
 * wrong JSON type. Mattermost logs such a body and creates no post; Hookline dead-letters it with this message.
 */
public final class ResponseFormatException extends RuntimeException {

    public ResponseFormatException(String message) {
        super(message);
    }

    public ResponseFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
