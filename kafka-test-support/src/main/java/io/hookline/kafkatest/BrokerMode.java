package io.hookline.kafkatest;

import java.util.Locale;

/** Where the tests' broker comes from, chosen from a system property and an environment variable. */
enum BrokerMode {
  /** A {@link io.hookline.localkafka.LocalKafka} child JVM: the default. */
  LOCAL,
  /** {@code apache/kafka} in Docker via Testcontainers. */
  TESTCONTAINERS,
  /** An already running cluster named by {@value #BOOTSTRAP_ENV}. */
  EXTERNAL;

  static final String MODE_PROPERTY = "hookline.test.kafka";
  static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

  /**
   * An explicit mode in the system property wins; otherwise a non-blank {@value #BOOTSTRAP_ENV} selects the external
   * cluster, and the local broker is the default.
   */
  static BrokerMode choose(String modeProperty, String bootstrapEnv) {
    boolean hasExternal = bootstrapEnv != null && !bootstrapEnv.isBlank();
    if (modeProperty == null || modeProperty.isBlank()) {
      return hasExternal ? EXTERNAL : LOCAL;
    }
    BrokerMode mode = switch (modeProperty.trim().toLowerCase(Locale.ROOT)) {
      case "local" -> LOCAL;
      case "testcontainers", "docker" -> TESTCONTAINERS;
      case "external" -> EXTERNAL;
      default -> throw new IllegalArgumentException("-D" + MODE_PROPERTY + "=" + modeProperty
          + " is not a broker mode; use local, testcontainers or external");
    };
    if (mode == EXTERNAL && !hasExternal) {
      throw new IllegalArgumentException("-D" + MODE_PROPERTY + "=external needs the environment variable "
          + BOOTSTRAP_ENV + " (host:port,...)");
    }
    return mode;
  }
}
