package io.hookline.cli.run;

import io.hookline.config.HooklineConfig;
import io.hookline.dispatcher.DispatcherService;
import io.hookline.ingestor.IngestorService;
import io.hookline.matcher.MatcherService;
import io.hookline.service.HooklineService;
import java.util.List;
import java.util.function.Function;

/** The pipeline's long-running stages, in pipeline order (the order they start in; they stop in reverse). */
public enum Stage {
    MATCHER("matcher", MatcherService::new),
    DISPATCHER("dispatcher", DispatcherService::new),
    INGESTOR("ingestor", IngestorService::new);

    private final String command;
    private final Function<HooklineConfig, HooklineService> factory;

    Stage(String command, Function<HooklineConfig, HooklineService> factory) {
        this.command = command;
        this.factory = factory;
    }

    /** The name of the stage's own command and of the service in logs. */
    public String command() {
        return command;
    }

    public HooklineService create(HooklineConfig config) {
        return factory.apply(config);
    }

    public static List<HooklineService> createAll(List<Stage> stages, HooklineConfig config) {
        return stages.stream().map(s -> s.create(config)).toList();
    }
}
