package io.hookline.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

/**
 * Configures logback in code (no logback.xml to find or get wrong): one appender on stderr, so that stdout stays the
 * command's output (JSON lines, ids) and can be piped, in the chosen {@link LogFormat}, with the chosen levels.
 */
public final class LogSetup {

    private LogSetup() {
    }

    /**
     * Binds slf4j to logback before any logger exists. The jar also carries slf4j-simple, for the local broker's child
     * JVM (which inherits the class path and logs to its own file); without the choice slf4j would pick one itself and
     * announce the ambiguity on stderr at every start.
     */
    public static void selectLogback() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    /** Applies to the running logback; does nothing when slf4j is bound to something else (say, a test's choice). */
    public static void apply(LogFormat format, LogLevels levels) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            apply(context, format, levels);
        }
    }

    static void apply(LoggerContext context, LogFormat format, LogLevels levels) {
        context.reset();
        Layout<ILoggingEvent> layout = switch (format) {
            case TEXT -> new TextLayout();
            case LOGFMT -> new LogfmtLayout();
            case JSON -> new JsonLayout();
        };
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(stderr);
        root.setLevel(levels.root());
        levels.byLogger().forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    /** The defaults of {@code hookline.log-format} and {@code hookline.log-level}, before any configuration is read. */
    static void applyDefaults(LoggerContext context) {
        apply(context, LogFormat.TEXT, new LogLevels(Level.INFO, java.util.Map.of("org.apache.kafka", Level.WARN)));
    }
}
