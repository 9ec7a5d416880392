package io.hookline.localkafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * What a data dir remembers between starts: the cluster id it was formatted with and its ports. The controller port is
 * part of the formatted voter set, so it is kept for the life of the data dir; the broker port is kept so clients
 * see the same bootstrap address after a restart.
 */
record DataDirState(String clusterId, int brokerPort, int controllerPort) {

  static final String FILE_NAME = "local-kafka.properties";

  static Optional<DataDirState> read(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      return Optional.of(new DataDirState(
          require(props, "cluster.id", file),
          Integer.parseInt(require(props, "broker.port", file)),
          Integer.parseInt(require(props, "controller.port", file))));
    } catch (NumberFormatException e) {
      throw new IllegalStateException("corrupt " + file + ": " + e.getMessage(), e);
    }
  }

  private static String require(Properties props, String key, Path file) {
    String value = props.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("corrupt " + file + ": missing " + key);
    }
    return value.trim();
  }

  DataDirState withBrokerPort(int port) {
    return new DataDirState(clusterId, port, controllerPort);
  }

  void write(Path dataDir) {
    Properties props = new Properties();
    props.setProperty("cluster.id", clusterId);
    props.setProperty("broker.port", Integer.toString(brokerPort));
    props.setProperty("controller.port", Integer.toString(controllerPort));
    Path file = dataDir.resolve(FILE_NAME);
    Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        props.store(out, "hookline local-kafka data dir state");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
