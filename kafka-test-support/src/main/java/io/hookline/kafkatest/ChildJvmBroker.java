package io.hookline.kafkatest;

import io.hookline.localkafka.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A {@link LocalKafka} in a throw-away data dir, deleted when the tests are done. */
final class ChildJvmBroker implements RunningBroker {

  private final LocalKafka kafka;
  private final Path dataDir;

  private ChildJvmBroker(LocalKafka kafka, Path dataDir) {
    this.kafka = kafka;
    this.dataDir = dataDir;
  }

  static ChildJvmBroker start() {
    Path dataDir = createDataDir();
    try {
      return new ChildJvmBroker(LocalKafka.start(dataDir), dataDir);
    } catch (RuntimeException e) {
      deleteQuietly(dataDir);
      throw e;
    }
  }

  /** Under the build's target/ when there is one, so a failed run leaves its broker log next to the test reports. */
  private static Path createDataDir() {
    try {
      Path target = Path.of("target");
      if (Files.isDirectory(target)) {
        return Files.createTempDirectory(target.toAbsolutePath(), "local-kafka-");
      }
      return Files.createTempDirectory("local-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data dir for the test broker", e);
    }
  }

  @Override
  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  @Override
  public boolean canRestart() {
    return true;
  }

  @Override
  public void restart() {
    kafka.restart();
  }

  @Override
  public void kill() {
    kafka.kill();
  }

  @Override
  public short replicationFactor() {
    return 1;
  }

  @Override
  public void close() {
    kafka.close();
    deleteQuietly(dataDir);
  }

  private static void deleteQuietly(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // leftovers under target/ or the temp dir are harmless
    }
  }

  @Override
  public String toString() {
    return kafka.toString();
  }
}
