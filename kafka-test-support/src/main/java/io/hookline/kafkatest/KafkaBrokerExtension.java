package io.hookline.kafkatest;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests a real Kafka broker as a {@link KafkaBroker} parameter (test methods, constructors, {@code @BeforeEach},
 * {@code @BeforeAll}). One broker per test JVM: it lives in the root context's store and is stopped when the test
 * run ends.
 *
 * <p>Where the broker comes from:
 * <ul>
 *   <li>by default, a local KRaft broker in a child JVM ({@link io.hookline.localkafka.LocalKafka}) with a temporary
 *       data dir under {@code target/};</li>
 *   <li>{@code -Dhookline.test.kafka=testcontainers}: {@code apache/kafka:4.4.0} via Testcontainers (fails clearly
 *       when there is no Docker);</li>
 *   <li>environment variable {@code KAFKA_BOOTSTRAP_SERVERS}: that external cluster (restart/kill unsupported).</li>
 * </ul>
 */
public final class KafkaBrokerExtension implements ParameterResolver {

  private static final Namespace NAMESPACE = Namespace.create(KafkaBrokerExtension.class);
  private static final String KEY = "broker";

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return extensionContext.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(KEY, key -> StoredBroker.start(), StoredBroker.class)
        .brokerOrThrow();
  }

  private static SharedKafkaBroker startBroker() {
    BrokerMode mode = BrokerMode.choose(System.getProperty(BrokerMode.MODE_PROPERTY),
        System.getenv(BrokerMode.BOOTSTRAP_ENV));
    RunningBroker broker = switch (mode) {
      case LOCAL -> ChildJvmBroker.start();
      case EXTERNAL -> new ExternalBroker(System.getenv(BrokerMode.BOOTSTRAP_ENV));
      case TESTCONTAINERS -> startTestcontainers();
    };
    return new SharedKafkaBroker(broker);
  }

  private static RunningBroker startTestcontainers() {
    try {
      return TestcontainersBroker.start();
    } catch (NoClassDefFoundError e) {
      throw new IllegalStateException("-D" + BrokerMode.MODE_PROPERTY + "=testcontainers needs "
          + "org.testcontainers:testcontainers-kafka on the test classpath (missing " + e.getMessage() + ")", e);
    }
  }

  /**
   * Closed by JUnit when the root context closes, i.e. after the last test of this JVM. Implements both the legacy
   * CloseableResource and AutoCloseable so any JUnit 5 version closes it; closing twice is harmless. A failed start
   * is kept too, so the remaining tests fail at once with the same explanation instead of each waiting for a broker.
   */
  @SuppressWarnings("deprecation")
  private record StoredBroker(SharedKafkaBroker broker, Throwable startFailure)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    static StoredBroker start() {
      try {
        return new StoredBroker(startBroker(), null);
      } catch (RuntimeException | LinkageError e) {
        return new StoredBroker(null, e);
      }
    }

    KafkaBroker brokerOrThrow() {
      if (broker == null) {
        throw new ParameterResolutionException("cannot provide a Kafka broker: " + startFailure.getMessage(),
            startFailure);
      }
      return broker;
    }

    @Override
    public void close() {
      if (broker != null) {
        broker.close();
      }
    }
  }
}
