package io.hookline.dispatcher.ssrf;

import java.net.UnknownHostException;

/**
 * A callback host resolved only to addresses the SSRF guard refuses. An {@link UnknownHostException} so that OkHttp's
 * {@code Dns} contract carries it unchanged to the failed call.
 */
public final class ForbiddenAddressException extends UnknownHostException {

    public static final String MESSAGE = "address forbidden, you may need to set "
            + "hookline.allowed-untrusted-internal-connections to allow an integration access to your internal "
            + "network";

    public ForbiddenAddressException() {
        super(MESSAGE);
    }
}
