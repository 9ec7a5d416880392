package io.hookline.matcher.stream;

import io.hookline.runtime.streams.StreamsDeadLetters;

/** The matcher's dead letters: written by the shared Streams dead-letter writer, as the stage {@code matcher}. */
final class DeadLetters {

    static final StreamsDeadLetters MATCHER = new StreamsDeadLetters("matcher");

    private DeadLetters() {
    }
}
