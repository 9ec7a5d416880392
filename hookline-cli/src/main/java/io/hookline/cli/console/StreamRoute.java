package io.hookline.cli.console;

/**
 * What opens one Server-Sent Events stream: called once per browser with its sink, it subscribes the sink to its
 * source (and sends the current state first) and returns at once; no thread waits per stream.
 */
@FunctionalInterface
public interface StreamRoute {

    void open(ApiRequest request, EventSink sink) throws Exception;
}
