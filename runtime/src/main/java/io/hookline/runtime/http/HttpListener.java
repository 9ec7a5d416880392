package io.hookline.runtime.http;

import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.config.ConfigKey;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the JDK's HTTP server for every endpoint Hookline serves (ops, integration API, echo server), so that each
 * gets TCP_NODELAY and the one port rule of {@link ListenPort}.
 */
public final class HttpListener {

    private static final Logger LOG = LoggerFactory.getLogger(HttpListener.class);
    private static final int BACKLOG = 64;

    private HttpListener() {
    }

    /**
     * An unstarted server on {@code address} and the port {@code port} asks for; a preferred port that is taken gives
     * way to a free one (with a warning), a required one fails.
     *
     * @param addressKey the key the address comes from, named in errors
     * @param portKey    the key the port comes from, named in errors
     * @param what       what the server is, for messages ("the ops endpoint")
     * @throws IllegalArgumentException naming the key when the endpoint is off or the address does not resolve
     * @throws IllegalStateException    naming the key when a required port is taken or nothing can be bound
     */
    public static HttpServer bind(String address, ConfigKey addressKey, ListenPort port, ConfigKey portKey,
                                  String what) {
        if (!port.enabled()) {
            throw new IllegalArgumentException(what + " is off (" + portKey.name() + "=" + ListenPort.OFF + ")");
        }
        InetAddress bindAddress;
        try {
            bindAddress = InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalArgumentException(addressKey.name() + ": cannot resolve '" + address + "': "
                    + e.getMessage());
        }
        try {
            return create(new InetSocketAddress(bindAddress, port.port()));
        } catch (BindException e) {
            if (port.required() || port.port() == 0) {
                throw new IllegalStateException(portKey.name() + ": port " + port.port() + " on " + address
                        + " is in use; choose another port, 0 for any free port, or off");
            }
            LOG.warn("{} port {} on {} is in use (another Hookline process?); taking a free port", what, port.port(),
                    address);
            try {
                return create(new InetSocketAddress(bindAddress, 0));
            } catch (IOException again) {
                throw new IllegalStateException("cannot start " + what + " on " + address + ": " + again, again);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + what + " on " + address + ":" + port.port() + ": " + e,
                    e);
        }
    }

    /** An unstarted server on exactly {@code address} (port 0: any free port). */
    public static HttpServer create(InetSocketAddress address) throws IOException {
        return create(address, BACKLOG);
    }

    /** As {@link #create(InetSocketAddress)}, with a backlog for bursts of connections (load generators). */
    public static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
        // Without TCP_NODELAY the JDK server stalls responses ~40 ms on delayed ACKs (about 1.4k requests/s instead
        // of 30k); the property is read when the first HttpServer is created, so it is set before every creation.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return HttpServer.create(address, backlog);
    }

    /** A URL to reach {@code server} from this machine (loopback when it listens on every address). */
    public static String urlOf(HttpServer server) {
        InetAddress a = server.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getAddress().getPort();
    }
}
