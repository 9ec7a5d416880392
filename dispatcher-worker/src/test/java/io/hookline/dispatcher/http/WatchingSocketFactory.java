package io.hookline.dispatcher.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.SocketFactory;

/**
 * Sockets that record every address they are asked to connect to, and refuse (and record as a violation) any
 * address that is not loopback or that the test says must never be contacted. Keeps tests on 127.0.0.1 / ::1.
 */
public final class WatchingSocketFactory extends SocketFactory {

    public final List<InetAddress> connects = new CopyOnWriteArrayList<>();
    public final List<InetAddress> violations = new CopyOnWriteArrayList<>();
    private final List<InetAddress> forbidden;

    public WatchingSocketFactory(List<InetAddress> forbidden) {
        this.forbidden = List.copyOf(forbidden);
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                InetAddress a = ((InetSocketAddress) endpoint).getAddress();
                connects.add(a);
                if (!a.isLoopbackAddress() || forbidden.contains(a)) {
                    violations.add(a);
                    throw new IOException("test socket factory: connecting to " + a + " is not allowed");
                }
                super.connect(endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new IOException("unexpected connected-socket request");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new IOException("unexpected connected-socket request");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new IOException("unexpected connected-socket request");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new IOException("unexpected connected-socket request");
    }
}
