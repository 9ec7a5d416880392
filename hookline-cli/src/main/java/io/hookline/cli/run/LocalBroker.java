package io.hookline.cli.run;

import io.hookline.localkafka.LocalKafka;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the local broker on Kafka's usual port when it is free, so client commands find it without options. */
final class LocalBroker {

    /** The port client commands assume when nothing is configured. */
    public static final int PREFERRED_PORT = 9092;

    private static final Logger LOG = LoggerFactory.getLogger(LocalBroker.class);

    private LocalBroker() {
    }

    /**
     * @param port the port to use, or 0: {@link #PREFERRED_PORT} when free, else whatever the data dir or a free
     *             port gives
     */
    public static LocalKafka start(Path dataDir, int port) {
        if (port > 0) {
            return LocalKafka.start(dataDir, port);
        }
        if (isFree(PREFERRED_PORT)) {
            try {
                return LocalKafka.start(dataDir, PREFERRED_PORT);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // 9092 may be this data dir's controller port, or taken between the check and the start.
                LOG.info("cannot use port {} ({}); picking another", PREFERRED_PORT, e.getMessage());
            }
        } else {
            LOG.warn("port {} is in use; the local broker takes another port: pass the printed bootstrap.servers "
                    + "to other hookline commands with -b", PREFERRED_PORT);
        }
        return LocalKafka.start(dataDir, 0);
    }

    static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
