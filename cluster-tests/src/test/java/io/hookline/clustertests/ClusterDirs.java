package io.hookline.clustertests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Data dirs under target/, so a failed run leaves its brokers' logs next to the test reports. */
final class ClusterDirs {

    private ClusterDirs() {
    }

    static Path fresh(String name) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target", "clusters")).toAbsolutePath(),
                    name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data dir for " + name, e);
        }
    }
}
