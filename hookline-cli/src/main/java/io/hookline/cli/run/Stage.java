package io.hookline.cli.run;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.dispatcher.DispatcherService;
import io.hookline.ingestor.IngestorService;
import io.hookline.integrationapi.IntegrationApiService;
import io.hookline.integrationapi.IntegrationApiSettings;
import io.hookline.matcher.MatcherService;
import io.hookline.runtime.service.HooklineService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The pipeline's long-running stages, in pipeline order (the order they start in; they stop in reverse), and last the
 * integration API that integrations call back.
 */
public enum Stage {
    MATCHER("matcher", MatcherService::new),
    DISPATCHER("dispatcher", DispatcherService::new),
    INGESTOR("ingestor", IngestorService::new),
    INTEGRATION_API(IntegrationApiService.NAME, IntegrationApiService::new);

    private final String command;
    private final BiFunction<HooklineConfig, MeterRegistry, HooklineService> factory;

    Stage(String command, BiFunction<HooklineConfig, MeterRegistry, HooklineService> factory) {
        this.command = command;
        this.factory = factory;
    }

    /** The name of the stage's own command and of the service in logs. */
    public String command() {
        return command;
    }

    /** The stage's service, its meters in {@code registry} (the process's one registry, served on /metrics). */
    public HooklineService create(HooklineConfig config, MeterRegistry registry) {
        return factory.apply(config, registry);
    }

    /**
     * The stages of {@code stages} that {@code config} leaves on: all but the integration API when its port is
     * {@code off}.
     */
    public static List<Stage> enabledIn(List<Stage> stages, HooklineConfig config) {
        boolean api = IntegrationApiSettings.port(config).enabled();
        return stages.stream().filter(s -> s != INTEGRATION_API || api).toList();
    }

    public static List<HooklineService> createAll(List<Stage> stages, HooklineConfig config, MeterRegistry registry) {
        return stages.stream().map(s -> s.create(config, registry)).toList();
    }

    /** As {@link #createAll(List, HooklineConfig, MeterRegistry)}, with meters nobody reads. */
    public static List<HooklineService> createAll(List<Stage> stages, HooklineConfig config) {
        return createAll(stages, config, new SimpleMeterRegistry());
    }
}
