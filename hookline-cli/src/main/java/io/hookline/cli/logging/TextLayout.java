package io.hookline.cli.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/** For a terminal: {@code 12:00:00.000 [thread] INFO logger - message}, then a stack trace if any; masked. */
public final class TextLayout extends LayoutBase<ILoggingEvent> {

    static final String PATTERN = "%d{HH:mm:ss.SSS} [%thread] %level %logger - %msg%n%ex";

    private final PatternLayout pattern = new PatternLayout();

    @Override
    public void start() {
        pattern.setContext(getContext());
        pattern.setPattern(PATTERN);
        pattern.start();
        super.start();
    }

    @Override
    public void stop() {
        pattern.stop();
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return SecretMask.mask(pattern.doLayout(event));
    }
}
