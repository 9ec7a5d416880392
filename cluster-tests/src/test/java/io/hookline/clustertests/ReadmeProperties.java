package io.hookline.clustertests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example properties file of the README's "Running against your cluster", exactly as the README shows it. */
final class ReadmeProperties {

    static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();
    private static final String SECTION = "## Running against your cluster";
    private static final String FENCE = "```properties\n";

    private ReadmeProperties() {
    }

    static String text() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf(SECTION);
        if (section < 0) {
            throw new IllegalStateException(README + " has no section \"" + SECTION + "\"");
        }
        int start = readme.indexOf(FENCE, section);
        if (start < 0) {
            throw new IllegalStateException("no properties block in the README's \"" + SECTION + "\"");
        }
        start += FENCE.length();
        return readme.substring(start, readme.indexOf("```", start));
    }
}
