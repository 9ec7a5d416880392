package io.hookline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.service.HooklineService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ServiceGroupTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    /** A service whose behaviour each test scripts: fails to start, never runs, or hangs on close. */
    private final class Recording implements HooklineService {
        private final String name;
        private final boolean failsToStart;
        private final boolean becomesRunning;
        private final CountDownLatch hangOnClose;
        private volatile boolean running;

        Recording(String name, boolean failsToStart, boolean becomesRunning, CountDownLatch hangOnClose) {
            this.name = name;
            this.failsToStart = failsToStart;
            this.becomesRunning = becomesRunning;
            this.hangOnClose = hangOnClose;
        }

        Recording(String name) {
            this(name, false, true, null);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            if (failsToStart) {
                throw new IllegalStateException("no broker");
            }
            running = becomesRunning;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void close() {
            events.add("close " + name);
            running = false;
            if (hangOnClose != null) {
                try {
                    hangOnClose.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void startsInOrderAndClosesInReverse() {
        ServiceGroup group = new ServiceGroup(Duration.ofSeconds(5));
        group.start(List.of(new Recording("matcher"), new Recording("dispatcher"), new Recording("ingestor")),
                Duration.ofSeconds(5));
        assertThat(group.allRunning()).isTrue();
        group.close();
        assertThat(events).containsExactly("start matcher", "start dispatcher", "start ingestor", "close ingestor",
                "close dispatcher", "close matcher");
        assertThat(group.allRunning()).isFalse();
    }

    @Test
    void aFailedStartClosesWhatAlreadyStartedAndNamesTheService() {
        ServiceGroup group = new ServiceGroup(Duration.ofSeconds(5));
        assertThatThrownBy(() -> group.start(List.of(new Recording("matcher"),
                new Recording("dispatcher", true, false, null), new Recording("ingestor")), Duration.ofSeconds(5)))
                .hasMessage("dispatcher failed to start: no broker");
        assertThat(events).containsExactly("start matcher", "start dispatcher", "close dispatcher", "close matcher");
    }

    @Test
    void aServiceThatNeverRunsTimesOut() {
        ServiceGroup group = new ServiceGroup(Duration.ofSeconds(5));
        assertThatThrownBy(() -> group.start(List.of(new Recording("matcher", false, false, null)),
                Duration.ofMillis(300)))
                .hasMessageContaining("matcher did not report running within");
        assertThat(events).containsExactly("start matcher", "close matcher");
    }

    @Test
    void aHangingCloseDoesNotStopTheOthersFromClosing() {
        CountDownLatch never = new CountDownLatch(1);
        ServiceGroup group = new ServiceGroup(Duration.ofMillis(200));
        group.start(List.of(new Recording("matcher"), new Recording("dispatcher", false, true, never)),
                Duration.ofSeconds(5));
        long start = System.nanoTime();
        group.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(events).containsExactly("start matcher", "start dispatcher", "close dispatcher", "close matcher");
        never.countDown();
    }
}
