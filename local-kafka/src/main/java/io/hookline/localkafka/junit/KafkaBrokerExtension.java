package io.hookline.localkafka.junit;

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
    try {
      return extensionContext.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(KEY, key -> new StoredBroker(startBroker()), StoredBroker.class)
          .broker();
    } catch (RuntimeException | LinkageError e) {
      throw new ParameterResolutionException("cannot provide a Kafka broker: " + e.getMessage(), e);
    }
  }

  private static SharedKafkaBroker startBroker() {
    BrokerMode mode = BrokerMode.choose(System.getProperty(BrokerMode.MODE_PROPERTY),
        System.getenv(BrokerMode.BOOTSTRAP_ENV));
    RunningBroker broker = switch (mode) {
      case LOCAL -> LocalBroker.start();
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
   * CloseableResource and AutoCloseable so any JUnit 5 version closes it; closing twice is harmless.
   */
  @SuppressWarnings("deprecation")
  private record StoredBroker(SharedKafkaBroker broker)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    @Override
    public void close() {
      broker.close();
    }
  }
}
