package io.hookline.cli.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * What logback uses when it starts (found through {@code META-INF/services}): Hookline's defaults instead of logback's
 * DEBUG-everything console, so the lines logged before the configuration is read (and in tests) look like the rest.
 */
public final class DefaultLogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogSetup.applyDefaults(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
