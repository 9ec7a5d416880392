package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./hookline} launcher's ahead-of-time caches ({@code HOOKLINE_AOT_CACHE}): which JVM options it passes,
 * and which cache files it keeps, run against a stand-in {@code java} that records its arguments and writes the
 * files a recording JVM would. The launcher is a copy of the repository's, next to an empty jar, so it never builds.
 */
class LauncherAotCacheTest {

    private static final Path SCRIPT = Path.of("..", "hookline").toAbsolutePath().normalize();
    private static final String BUILD = "25.0.3+9-LTS";

    @TempDir
    Path dir;
    private Path root;
    private Path caches;
    private Path args;

    @BeforeEach
    void launcherNextToAJar() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        root = Files.createDirectories(dir.resolve("hookline-root"));
        Files.copy(SCRIPT, root.resolve("hookline"));
        Path jar = Files.createDirectories(root.resolve("hookline-cli/target")).resolve("hookline.jar");
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
        caches = dir.resolve("caches");
        args = dir.resolve("args");
        jdk("jdk25", "25.0.3", BUILD);
        jdk("jdk17", "17.0.15", "17.0.15+6-Debian-1deb12u1");
    }

    /** A JDK whose java prints the given version, records its arguments and writes what a recording JVM writes. */
    private void jdk(String name, String version, String build) throws IOException {
        Path java = Files.createDirectories(dir.resolve(name).resolve("bin")).resolve("java");
        Files.writeString(java, """
                #!/bin/bash
                if [ "$1" = -version ]; then
                  printf 'openjdk version "%s" 2026-04-21\\nOpenJDK 64-Bit Server VM (build %s, mixed mode)\\n' >&2
                  exit 0
                fi
                printf '%%s\\n' "$@" > "$ARGS_FILE"
                for a in "$@"; do
                  for word in $a; do
                    case "$word" in
                      -XX:AOTCacheOutput=*) f="${word#*=}"; echo recorded > "${f//%%p/pid$$}" ;;
                    esac
                  done
                done
                exit "${JAVA_EXIT:-0}"
                """.formatted(version, build), StandardCharsets.UTF_8);
        assertThat(java.toFile().setExecutable(true)).isTrue();
    }

    private record Run(int exitCode, String stderr, List<String> javaArgs) {
    }

    private Run launch(String jdk, Map<String, String> env, String... command) throws Exception {
        Files.deleteIfExists(args);
        List<String> cmd = new java.util.ArrayList<>(List.of("/bin/bash", root.resolve("hookline").toString()));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", dir.resolve(jdk).toString());
        pb.environment().put("ARGS_FILE", args.toString());
        pb.environment().remove("JAVA_OPTS");
        pb.environment().put("HOOKLINE_AOT_CACHE", caches.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        List<String> javaArgs = Files.exists(args) ? Files.readAllLines(args) : List.of();
        return new Run(p.exitValue(), stderr, javaArgs);
    }

    private Run launch(String... command) throws Exception {
        return launch("jdk25", Map.of(), command);
    }

    private List<String> cacheFiles() throws IOException {
        if (!Files.isDirectory(caches)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(caches)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aServiceWithoutACacheRecordsOneAndTheNextRunStartsFromIt() throws Exception {
        Run first = launch("up");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.javaArgs()).contains(
                "-XX:AOTCacheOutput=" + caches.resolve("up@" + BUILD + ".aot") + ".recording-%p",
                "-Xlog:aot*=error:stderr");
        assertThat(first.javaArgs()).anySatisfy(a -> assertThat(a)
                .startsWith("-Dhookline.local-kafka.broker-jvm-options=")
                .endsWith("-XX:AOTCacheOutput=" + caches.resolve("up-broker@" + BUILD + ".aot") + ".recording-%p"));
        assertThat(first.javaArgs()).endsWith("-jar", root.resolve("hookline-cli/target/hookline.jar").toString(),
                "up");
        assertThat(cacheFiles()).containsExactly("up-broker@" + BUILD + ".aot", "up@" + BUILD + ".aot");

        Run second = launch("up");

        assertThat(second.javaArgs()).contains("-XX:AOTCache=" + caches.resolve("up@" + BUILD + ".aot"))
                .anySatisfy(a -> assertThat(a).endsWith("-XX:AOTCache=" + caches.resolve("up-broker@" + BUILD
                        + ".aot")))
                .noneSatisfy(a -> assertThat(a).contains("AOTCacheOutput"));
        assertThat(cacheFiles()).containsExactly("up-broker@" + BUILD + ".aot", "up@" + BUILD + ".aot");
    }

    @Test
    void aStageProcessHasOneCacheAndNoBrokerOption() throws Exception {
        Run run = launch("dispatcher", "--config", "hookline.properties");

        assertThat(run.javaArgs()).contains("-XX:AOTCacheOutput=" + caches.resolve("dispatcher@" + BUILD + ".aot")
                + ".recording-%p").noneSatisfy(a -> assertThat(a).contains("local-kafka"));
        assertThat(run.javaArgs()).endsWith("dispatcher", "--config", "hookline.properties");
        assertThat(cacheFiles()).containsExactly("dispatcher@" + BUILD + ".aot");
    }

    @Test
    void aRebuiltJarIsRecordedAgain() throws Exception {
        launch("matcher");
        Path cache = caches.resolve("matcher@" + BUILD + ".aot");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minusSeconds(7200)));

        Run afterRebuild = launch("matcher");

        assertThat(afterRebuild.javaArgs()).contains("-XX:AOTCacheOutput=" + cache + ".recording-%p");
        assertThat(Files.getLastModifiedTime(cache).toInstant()).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void anotherJvmBuildRecordsItsOwnCacheAndTheOldOneGoes() throws Exception {
        launch("ingestor");
        jdk("jdk25", "25.0.4", "25.0.4+7-LTS");

        Run run = launch("ingestor");

        assertThat(run.javaArgs()).contains("-XX:AOTCacheOutput=" + caches.resolve("ingestor@25.0.4+7-LTS.aot")
                + ".recording-%p");
        assertThat(cacheFiles()).containsExactly("ingestor@25.0.4+7-LTS.aot");
    }

    @Test
    void aFailedRunKeepsItsExitCodeAndNoCache() throws Exception {
        Run failed = launch("jdk25", Map.of("JAVA_EXIT", "3"), "ingestor");

        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void aServiceStoppedBySigtermKeepsItsRecording() throws Exception {
        Run stopped = launch("jdk25", Map.of("JAVA_EXIT", "143"), "ingestor");

        assertThat(stopped.exitCode()).isEqualTo(143);
        assertThat(cacheFiles()).containsExactly("ingestor@" + BUILD + ".aot");
    }

    @Test
    void anUnfinishedRecordingIsDroppedNotKept() throws Exception {
        Files.createDirectories(caches);
        // what a JVM killed while recording leaves: an empty file, its pid long gone
        Files.writeString(caches.resolve("matcher@" + BUILD + ".aot.recording-pid4194305"), "");

        launch("matcher");

        assertThat(cacheFiles()).containsExactly("matcher@" + BUILD + ".aot");
        assertThat(Files.readString(caches.resolve("matcher@" + BUILD + ".aot"))).isEqualTo("recorded\n");
    }

    @Test
    void oneShotCommandsRunWithoutACache() throws Exception {
        Run run = launch("hooks", "list");

        assertThat(run.javaArgs()).containsExactly("-jar", root.resolve("hookline-cli/target/hookline.jar")
                .toString(), "hooks", "list");
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void beforeJava25TheLauncherSaysSoAndRunsWithoutACache() throws Exception {
        Run run = launch("jdk17", Map.of(), "up");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).contains("HOOKLINE_AOT_CACHE needs Java 25 or later", "is Java 17",
                "running without a cache");
        assertThat(run.javaArgs()).noneSatisfy(a -> assertThat(a).contains("AOT"));
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void aCacheDirectoryWithWhitespaceIsRefusedByName() throws Exception {
        Run run = launch("jdk25", Map.of("HOOKLINE_AOT_CACHE", dir.resolve("my caches").toString()), "up");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("HOOKLINE_AOT_CACHE must be a directory path without whitespace",
                "my caches");
        assertThat(run.javaArgs()).isEmpty();
    }
}
