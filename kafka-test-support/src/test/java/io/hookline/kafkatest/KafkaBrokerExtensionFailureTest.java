package io.hookline.kafkatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs a small test class in its own JUnit engine run (so with its own root store, and no broker) with a bad mode
 * property, and checks that each of its tests fails with the extension's explanation.
 */
class KafkaBrokerExtensionFailureTest {

  private static final String INNER_RUN = "local-kafka.extension-failure-test.inner";

  @Test
  void badModeFailsEveryTestWithTheSameClearReason() {
    String previousMode = System.getProperty(BrokerMode.MODE_PROPERTY);
    System.setProperty(BrokerMode.MODE_PROPERTY, "no-such-mode");
    System.setProperty(INNER_RUN, "true");
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try {
      LauncherFactory.create().execute(request().selectors(selectClass(TestsThatNeedABroker.class)).build(), listener);
    } finally {
      System.clearProperty(INNER_RUN);
      if (previousMode == null) {
        System.clearProperty(BrokerMode.MODE_PROPERTY);
      } else {
        System.setProperty(BrokerMode.MODE_PROPERTY, previousMode);
      }
    }

    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFailedCount()).isEqualTo(2);
    List<Throwable> failures = summary.getFailures().stream().map(TestExecutionSummary.Failure::getException)
        .collect(Collectors.toList());
    assertThat(failures).allSatisfy(failure -> assertThat(failure)
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("cannot provide a Kafka broker")
        .hasMessageContaining("hookline.test.kafka=no-such-mode"));
  }

  @ExtendWith(KafkaBrokerExtension.class)
  @EnabledIfSystemProperty(named = INNER_RUN, matches = "true")
  static class TestsThatNeedABroker {

    @Test
    void first(KafkaBroker broker) {
      assertThat(broker).isNotNull();
    }

    @Test
    void second(KafkaBroker broker) {
      assertThat(broker).isNotNull();
    }
  }
}
