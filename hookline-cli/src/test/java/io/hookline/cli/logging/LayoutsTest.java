package io.hookline.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Layout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LayoutsTest {

    private static final String SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private final LoggerContext context = new LoggerContext();

    LayoutsTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }

    @Test
    void logfmtQuotesAndEscapesSoTheLineSplitsBackIntoTheSamePairs() {
        String msg = "delivery \"x\" failed\nnext=line \\ tab\there";
        String line = layout(new LogfmtLayout()).doLayout(event(msg, null));
        assertThat(line).endsWith("\n").doesNotContain("\r");
        assertThat(line.strip()).doesNotContain("\n");
        Map<String, String> pairs = parseLogfmt(line.strip());
        assertThat(pairs).containsKeys("ts", "level", "logger", "thread", "msg");
        assertThat(pairs.get("msg")).isEqualTo(msg);
        assertThat(pairs.get("level")).isEqualTo("WARN");
        assertThat(pairs.get("logger")).isEqualTo("io.hookline.test");
        assertThat(pairs.get("ts")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(line).contains("level=WARN ").contains("logger=io.hookline.test ");
    }

    @Test
    void logfmtQuotesEmptyValuesAndValuesWithEquals() {
        StringBuilder s = new StringBuilder();
        LogfmtLayout.appendValue(s, "");
        s.append(' ');
        LogfmtLayout.appendValue(s, "a=b");
        s.append(' ');
        LogfmtLayout.appendValue(s, "plain");
        s.append(' ');
        LogfmtLayout.appendValue(s, "bell\u0007");
        assertThat(s.toString()).isEqualTo("\"\" \"a=b\" plain \"bell\\u0007\"");
    }

    @Test
    void jsonIsOneObjectPerLineWithTheErrorAndItsCause() throws Exception {
        Exception error = new IllegalStateException("cannot write", new java.io.IOException("broker \"gone\""));
        String line = layout(new JsonLayout()).doLayout(event("stopping\nnow", error));
        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = Json.mapper().readTree(line);
        assertThat(json.get("msg").asText()).isEqualTo("stopping\nnow");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("thread").asText()).isEqualTo("main-test");
        assertThat(json.get("error").asText()).isEqualTo("java.lang.IllegalStateException: cannot write; caused by "
                + "java.io.IOException: broker \"gone\"");
        assertThat(json.get("stack").asText()).contains("at io.hookline.cli.logging.LayoutsTest");
    }

    @Test
    void everyLayoutMasksSigningSecretsAndTokensInMessagesAndErrors() {
        String msg = "hook {\"token\":\"tok3ntok3ntok3ntok3ntok3n1\",\"signing_secret\":\"" + SECRET
                + "\"} body token=tok3ntok3ntok3ntok3ntok3n1&team_id=x";
        Exception error = new IllegalArgumentException("bad secret " + SECRET);
        for (Layout<ILoggingEvent> l : List.<Layout<ILoggingEvent>>of(new TextLayout(), new LogfmtLayout(), new JsonLayout())) {
            String line = layout(l).doLayout(event(msg, error));
            assertThat(line).as(l.getClass().getSimpleName()).doesNotContain("tok3ntok3n")
                    .doesNotContain("MDEyMzQ1Njc4OWFiY2RlZjAx").contains("whsec_****").contains("team_id=x");
        }
    }

    @Test
    void textKeepsTheFamiliarShape() {
        String line = layout(new TextLayout()).doLayout(event("matcher started", null));
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[main-test] WARN io\\.hookline\\.test - matcher "
                + "started\\R");
    }

    @Test
    void secretMaskLeavesOrdinaryTextAlone() {
        assertThat(SecretMask.mask("delivery 7 to https://example.com/hook failed: http 400"))
                .isEqualTo("delivery 7 to https://example.com/hook failed: http 400");
        assertThat(SecretMask.mask("{\"token\":\"abc\\\"def\"}")).isEqualTo("{\"token\":\"****\"}");
    }

    @Test
    void secretMaskHidesTheCallbackUrlPassword() {
        assertThat(SecretMask.mask("delivery 7 to https://relay:hunter2@example.com/hook failed"))
                .isEqualTo("delivery 7 to https://relay:****@example.com/hook failed");
    }

    private Layout<ILoggingEvent> layout(Layout<ILoggingEvent> layout) {
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private LoggingEvent event(String msg, Throwable error) {
        LoggingEvent e = new LoggingEvent("x", context.getLogger("io.hookline.test"), Level.WARN, msg, error, null);
        e.setThreadName("main-test");
        return e;
    }

    /** A strict logfmt reader: bare words or double-quoted strings with the escapes the layout writes. */
    private static Map<String, String> parseLogfmt(String line) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([^\\s=\"]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s\"=]+))(?: |$)").matcher(line);
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("pairs follow each other in %s", line).isEqualTo(end);
            end = m.end();
            String value = m.group(3) != null ? unescape(m.group(3)) : m.group(4);
            pairs.put(m.group(1), value);
        }
        assertThat(end).as("whole line parsed: %s", line).isEqualTo(line.length());
        return pairs;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }
}
