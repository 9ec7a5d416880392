package io.hookline.schemas.dialog;

import io.hookline.schemas.serde.GoJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON as Go's {@code json.Marshal} does (Go 1.22 and later, which Mattermost builds with): no spaces, map keys
 * sorted by their UTF-8 bytes, and strings HTML-safe: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 as
 * lower-case {@code \}{@code u} escapes, {@code \b} and {@code \f} short, other control characters as
 * {@code \}{@code u00xx}. A lone surrogate (which no Go string can hold) is written as U+FFFD.
 */
final class GoJsonWriter {

    private final StringBuilder out = new StringBuilder(256);
    /** Whether the current object or array already has a member, one flag per open level. */
    private boolean[] hasMember = new boolean[16];
    private int depth;

    GoJsonWriter beginObject() {
        return open('{');
    }

    GoJsonWriter endObject() {
        return close('}');
    }

    GoJsonWriter beginArray() {
        return open('[');
    }

    GoJsonWriter endArray() {
        return close(']');
    }

    GoJsonWriter key(String name) {
        separate();
        string(name);
        out.append(':');
        // the value that follows is not a new member
        hasMember[depth - 1] = false;
        return this;
    }

    GoJsonWriter value(String s) {
        separate();
        string(s);
        return this;
    }

    GoJsonWriter value(boolean b) {
        separate();
        out.append(b);
        return this;
    }

    GoJsonWriter value(long n) {
        separate();
        out.append(n);
        return this;
    }

    GoJsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    /** A {@code map[string]string}: keys in Go's order. */
    GoJsonWriter value(Map<String, String> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(GoJson::compareKeys);
        beginObject();
        for (String k : keys) {
            key(k).value(map.get(k));
        }
        return endObject();
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private GoJsonWriter open(char c) {
        separate();
        out.append(c);
        if (depth == hasMember.length) {
            hasMember = java.util.Arrays.copyOf(hasMember, depth * 2);
        }
        hasMember[depth++] = false;
        return this;
    }

    private GoJsonWriter close(char c) {
        depth--;
        out.append(c);
        return this;
    }

    private void separate() {
        if (depth > 0) {
            if (hasMember[depth - 1]) {
                out.append(',');
            }
            hasMember[depth - 1] = true;
        }
    }

    /** Go's {@code appendString} with HTML escaping on, as {@link GoJson} writes every Go string. */
    private void string(String s) {
        GoJson.appendString(out, s);
    }
}
