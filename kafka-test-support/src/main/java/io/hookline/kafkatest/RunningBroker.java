package io.hookline.kafkatest;

/**
 * A broker the extension obtained for this test JVM, however it got it. Only a broker this JVM runs itself can be
 * restarted or killed; the defaults say so for every other one (a cluster someone else runs, a container).
 */
interface RunningBroker extends AutoCloseable {

  String bootstrapServers();

  /** Whether {@link #restart()} and {@link #kill()} are supported. */
  default boolean canRestart() {
    return false;
  }

  default void restart() {
    throw cannotControl("restart");
  }

  default void kill() {
    throw cannotControl("kill");
  }

  /** Releases the broker: stops what this JVM started, nothing for an external cluster. */
  @Override
  void close();

  /** Replication factor for new topics, or -1 for the cluster default. */
  short replicationFactor();

  /** {@code toString()} names the broker in this message, so it must say which one it is and where it came from. */
  private IllegalStateException cannotControl(String what) {
    return new IllegalStateException("cannot " + what + " the " + this + "; fault tests need the local broker (the "
        + "default: no -D" + BrokerMode.MODE_PROPERTY + ", no " + BrokerMode.BOOTSTRAP_ENV
        + "): check canRestart() first");
  }
}
