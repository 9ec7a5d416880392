package io.hookline.ingestor.eos;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.ingestor.IngestorService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs an {@link IngestorService} in a child JVM so that a test can kill it with SIGKILL. Arguments are
 * {@code key=value} settings. Prints {@code RUNNING} once the service runs. Started through
 * {@link io.hookline.localkafka.OrphanSafeMain}, so it can never outlive the test run.
 */
public final class IngestorChildMain {

    private IngestorChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        IngestorService service = new IngestorService(HooklineConfig.of(settings));
        service.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!service.isRunning()) {
            if (System.currentTimeMillis() > deadline) {
                System.out.println("NOT RUNNING: " + service.health());
                Runtime.getRuntime().halt(2);
            }
            Thread.sleep(50);
        }
        System.out.println("RUNNING");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
