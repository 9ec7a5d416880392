package io.hookline.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback ports that nothing listens on right now. */
final class FreePorts {

  private FreePorts() {
  }

  static int pick() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(BrokerSettings.HOST), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + BrokerSettings.HOST, e);
    }
  }

  static int pickOtherThan(int taken) {
    int port;
    do {
      port = pick();
    } while (port == taken);
    return port;
  }

  /** Whether something listens on the loopback port. */
  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName(BrokerSettings.HOST), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(BrokerSettings.HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
