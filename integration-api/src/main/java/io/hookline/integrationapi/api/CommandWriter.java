package io.hookline.integrationapi.api;

import io.hookline.schemas.command.PostCommand;

/** Where the API's commands go ({@code post-commands}); returns only once the command is durably written. */
@FunctionalInterface
public interface CommandWriter {

    /**
     * @param key the record key ({@code open_dialog}: the user id)
     * @throws NotWritten when it is not known to be written; the caller answers an error and the integration may retry
     */
    void write(String key, PostCommand command) throws NotWritten;

    /** The command was not acknowledged (broker unreachable, timeout, refused, interrupted). */
    final class NotWritten extends Exception {
        private static final long serialVersionUID = 1L;

        public NotWritten(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
