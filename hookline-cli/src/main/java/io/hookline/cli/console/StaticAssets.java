package io.hookline.cli.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * The console's pages from the jar: {@code console/} on the class path at {@code /} ({@code /} is
 * {@code index.html}), and WebJars ({@code META-INF/resources/webjars/}) at {@code /webjars/}. Nothing outside those
 * two folders is reachable: a path with {@code ..}, a backslash or an encoded character is refused.
 */
final class StaticAssets {

    static final String ROOT = "console/";
    private static final String WEBJARS = "META-INF/resources/webjars/";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    private final ClassLoader loader;

    StaticAssets(ClassLoader loader) {
        this.loader = loader;
    }

    /** An asset's bytes and content type. */
    record Asset(String contentType, byte[] bytes) {
    }

    /** The asset at the request path {@code path}, or null when there is none (or the path is refused). */
    Asset find(String path) throws IOException {
        String resource = resourceOf(path);
        if (resource == null) {
            return null;
        }
        String type = TYPES.get(extension(resource));
        if (type == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new Asset(type, in.readAllBytes());
        }
    }

    /** The class-path resource a request path names, null when it names none or tries to leave the two folders. */
    static String resourceOf(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return ROOT + "index.html";
        }
        if (!path.startsWith("/") || path.contains("..") || path.contains("\\") || path.contains("%")
                || path.contains("//") || path.endsWith("/")) {
            return null;
        }
        String rest = path.substring(1);
        if (rest.startsWith("webjars/")) {
            return WEBJARS + rest.substring("webjars/".length());
        }
        return ROOT + rest;
    }

    private static String extension(String resource) {
        int slash = resource.lastIndexOf('/');
        int dot = resource.lastIndexOf('.');
        return dot > slash ? resource.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
