package io.hookline.cli.loopback;

/** A running tool server on a {@link LoopbackServer}, as {@link LoopbackServerCommand} runs it. */
public interface LoopbackTool extends AutoCloseable {

    /** Where it listens. */
    String url();

    @Override
    void close();
}
