package io.hookline.cli.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's API routes: a method and a path pattern under {@code /api/} whose segments are literal or
 * {@code {name}} (one segment, URL-decoded), and the Server-Sent Events streams (always GET).
 */
public final class Routes {

    private final List<Entry> entries = new ArrayList<>();

    public void get(String pattern, ApiRoute route) {
        add("GET", pattern, route, null);
    }

    public void post(String pattern, ApiRoute route) {
        add("POST", pattern, route, null);
    }

    public void put(String pattern, ApiRoute route) {
        add("PUT", pattern, route, null);
    }

    public void delete(String pattern, ApiRoute route) {
        add("DELETE", pattern, route, null);
    }

    /** A Server-Sent Events stream ({@code text/event-stream}) on GET {@code pattern}. */
    public void stream(String pattern, StreamRoute route) {
        add("GET", pattern, null, route);
    }

    private void add(String method, String pattern, ApiRoute route, StreamRoute stream) {
        if (!pattern.startsWith("/api/")) {
            throw new IllegalArgumentException("API routes live under /api/: " + pattern);
        }
        List<String> segments = segments(pattern);
        for (Entry e : entries) {
            if (e.method.equals(method) && e.segments.equals(segments)) {
                throw new IllegalArgumentException("route registered twice: " + method + " " + pattern);
            }
        }
        entries.add(new Entry(method, segments, route, stream));
    }

    /** The route for {@code method} and {@code path}, with its path parameters. */
    Optional<Match> find(String method, String path) {
        List<String> parts = segments(path);
        for (Entry e : entries) {
            if (e.method.equals(method)) {
                Map<String, String> params = e.match(parts);
                if (params != null) {
                    return Optional.of(new Match(e.route, e.stream, params));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route accepts on {@code path} (for 405 rather than 404). */
    List<String> methodsOn(String path) {
        List<String> parts = segments(path);
        return entries.stream().filter(e -> e.match(parts) != null).map(e -> e.method).distinct().toList();
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** A found route: exactly one of {@code route} and {@code stream} is set. */
    record Match(ApiRoute route, StreamRoute stream, Map<String, String> pathParams) {
    }

    private record Entry(String method, List<String> segments, ApiRoute route, StreamRoute stream) {

        /** The path parameters when {@code parts} (raw, still URL-encoded) match, else null. */
        Map<String, String> match(List<String> parts) {
            if (parts.size() != segments.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < parts.size(); i++) {
                String s = segments.get(i);
                String decoded = java.net.URLDecoder.decode(parts.get(i).replace("+", "%2B"),
                        java.nio.charset.StandardCharsets.UTF_8);
                if (s.startsWith("{") && s.endsWith("}")) {
                    params.put(s.substring(1, s.length() - 1), decoded);
                } else if (!s.equals(decoded)) {
                    return null;
                }
            }
            return params;
        }
    }
}
