package io.hookline.cli.console;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands browser tests a {@link Browser} parameter: one headless Chromium per test JVM, in the root context's store,
 * quit when the run ends. Where Chromium or chromedriver is not installed, the tests are skipped with one line
 * saying what is missing and how to install it.
 */
public final class BrowserExtension implements ExecutionCondition, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = Browser.missing();
        return missing == null ? ConditionEvaluationResult.enabled("Chromium is installed")
                : ConditionEvaluationResult.disabled("browser tests skipped: " + missing);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("browser", key -> new Stored(Browser.start()), Stored.class).browser();
    }

    /** Closed by JUnit after the last test of the JVM (both close interfaces, as the broker extension does). */
    @SuppressWarnings("deprecation")
    private record Stored(Browser browser) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            browser.close();
        }
    }
}
