package io.hookline.dispatcher.http;

/** A request that is not sent at all: its callback URL is invalid or forbidden, or the trigger cannot be encoded. */
final class RefusedException extends Exception {

    final FailureKind kind;

    RefusedException(FailureKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }
}
