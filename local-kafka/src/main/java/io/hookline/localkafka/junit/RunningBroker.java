package io.hookline.localkafka.junit;

/** A broker the extension obtained for this test JVM, however it got it. */
interface RunningBroker extends AutoCloseable {

  String bootstrapServers();

  /** Whether {@link #restart()} and {@link #kill()} are supported. */
  boolean canRestart();

  void restart();

  void kill();

  /** Releases the broker: stops what this JVM started, nothing for an external cluster. */
  @Override
  void close();

  /** Replication factor for new topics, or -1 for the cluster default. */
  short replicationFactor();
}
