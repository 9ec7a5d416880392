package io.hookline.dispatcher.lane;

/** A consumer loop of the dispatcher, run on its own thread. */
public interface Lane extends Runnable {

    /** Asks the loop to finish: it stops taking records, waits for work in flight (bounded) and commits. */
    void stop();

    /** Why the loop died, or null while it is healthy. */
    Throwable failure();
}
