package io.hookline.cli.kafka;

import io.hookline.cli.CliFailure;

/** The one message for "Kafka did not answer", with what to do about it. */
public final class Unreachable {

    private Unreachable() {
    }

    public static CliFailure describe(String bootstrapServers, Exception cause) {
        String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return new CliFailure("Kafka at " + bootstrapServers + " failed: " + reason + " (is `./hookline up` running? "
                + "otherwise pass --bootstrap-servers HOST:PORT)", cause);
    }
}
