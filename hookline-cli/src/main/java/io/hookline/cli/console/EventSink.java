package io.hookline.cli.console;

/**
 * One browser's open Server-Sent Events stream. Safe to call from any thread; once the browser has gone (a write
 * failed) or the console stops, sends are ignored and the close actions have run.
 */
public interface EventSink {

    /** Sends one event named {@code event} whose data is {@code data} as JSON; false when the stream is closed. */
    boolean send(String event, Object data);

    boolean isOpen();

    /** Runs {@code action} once when the stream closes (at once when it already is): unsubscribe here. */
    void onClose(Runnable action);
}
