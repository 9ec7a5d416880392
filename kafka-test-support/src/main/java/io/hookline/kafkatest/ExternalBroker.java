package io.hookline.kafkatest;

/** A cluster someone else runs; the tests only connect to it. */
final class ExternalBroker implements RunningBroker {

  private final String bootstrapServers;

  ExternalBroker(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers.trim();
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public short replicationFactor() {
    return -1;
  }

  @Override
  public void close() {
    // not ours to stop
  }

  @Override
  public String toString() {
    return "external Kafka cluster at " + bootstrapServers + " (from " + BrokerMode.BOOTSTRAP_ENV + ")";
  }
}
