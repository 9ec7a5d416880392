package io.hookline.localkafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker+controller) running Kafka's own {@code kafka.Kafka} in a child
 * JVM, bound to 127.0.0.1.
 *
 * <p>Storage is formatted on the first start of a data dir; the cluster id and ports are kept in the data dir, so
 * {@link #restart()} (and a later {@link #start(Path)} on the same dir) keeps both the data and the bootstrap address.
 * The child exits when this JVM dies, even on {@code kill -9} (see {@link BrokerLauncher}). {@link BrokerOverrides}
 * change listeners and security (a SASL_SSL listener with an authorizer, say); {@link LocalKafkaCluster} runs several
 * of these as the nodes of one cluster.
 *
 * <p>Layout of the data dir: {@code server.properties}, {@code log4j2.properties}, {@code local-kafka.properties},
 * {@code kafka-data/} (the log dir) and {@code logs/} ({@code server.log} is the broker's log, {@code console.log}
 * its raw stdout/stderr; each start moves the previous run's to {@code *.previous}).
 */
public final class LocalKafka implements AutoCloseable {

  /** Seconds to wait for the broker to answer; default 90 (a 2-core machine shared by several builds is slow). */
  public static final String STARTUP_TIMEOUT_PROPERTY = "hookline.local-kafka.startup-timeout-seconds";

  private static final Logger LOG = LoggerFactory.getLogger(LocalKafka.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final int LOG_TAIL_LINES = 40;

  private final Path dataDir;
  private final BrokerSettings settings;
  private final BrokerOverrides overrides;
  private final Thread shutdownHook;
  private volatile Process process;
  private OutputStream parentPipe;
  private long spawnedAt;
  private boolean closed;

  private LocalKafka(Path dataDir, BrokerSettings settings, BrokerOverrides overrides) {
    this.dataDir = dataDir;
    this.settings = settings;
    this.overrides = overrides;
    this.shutdownHook = new Thread(this::stopOnJvmExit, "local-kafka-shutdown");
  }

  /** Starts a broker on the data dir's previous port if it is free, otherwise on a free port. */
  public static LocalKafka start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Starts a broker on {@code port} (0 = the data dir's previous port if free, else any free port); returns once the
   * broker answers requests.
   *
   * @throws IllegalStateException if the broker does not come up (the message names the log file and shows its tail)
   */
  public static LocalKafka start(Path dataDir, int port) {
    return start(dataDir, port, BrokerOverrides.NONE);
  }

  /**
   * As {@link #start(Path, int)}, with server properties (listeners, security, an authorizer), storage-format
   * arguments (SCRAM users) and the client settings that reach the broker's listener.
   */
  public static LocalKafka start(Path dataDir, int port, BrokerOverrides overrides) {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(overrides, "overrides");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 (any) or 1..65535, was " + port);
    }
    Path dir = dataDir.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data dir " + dir, e);
    }
    DataDirState state = chooseState(dir, port);
    try {
      return startWith(dir, state, overrides);
    } catch (IllegalStateException e) {
      // The port was free when we picked it; if another process grabbed it before the broker bound it, try once more
      // on a fresh port. A port the caller chose is never swapped.
      if (port != 0 || FreePorts.isFree(state.brokerPort())) {
        throw e;
      }
      LOG.warn("port {} was taken before the local Kafka broker could bind it; retrying on another port",
          state.brokerPort());
      return startWith(dir, state.withBrokerPort(FreePorts.pickOtherThan(state.controllerPort())), overrides);
    }
  }

  private static LocalKafka startWith(Path dir, DataDirState state, BrokerOverrides overrides) {
    LocalKafka kafka = prepare(dir, state, BrokerSettings.Quorum.single(), overrides);
    try {
      kafka.launch();
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
    return kafka;
  }

  /** Writes the node's files and formats its storage if needed; the node is not started yet. */
  static LocalKafka prepare(Path dir, DataDirState state, BrokerSettings.Quorum quorum, BrokerOverrides overrides) {
    state.write(dir);
    LocalKafka kafka = new LocalKafka(dir, new BrokerSettings(dir.resolve("kafka-data"), state.brokerPort(),
        state.controllerPort(), quorum, overrides.securityProtocol(), overrides.serverProperties()), overrides);
    kafka.writeConfigFiles();
    kafka.formatIfNeeded(state.clusterId());
    Runtime.getRuntime().addShutdownHook(kafka.shutdownHook);
    return kafka;
  }

  /** Ports and cluster id for this start; package-private for tests. */
  static DataDirState chooseState(Path dir, int requestedPort) {
    DataDirState previous = DataDirState.read(dir).orElse(null);
    if (previous == null) {
      // Formatted storage whose state file was lost: keep its cluster id, any ports do (see the controller move below).
      String clusterId = formattedClusterId(dir).orElseGet(() -> Uuid.randomUuid().toString());
      int brokerPort = requestedPort > 0 ? requestedPort : FreePorts.pick();
      requireFree(brokerPort, "broker port");
      return new DataDirState(clusterId, brokerPort, FreePorts.pickOtherThan(brokerPort));
    }
    requireNotInUse(dir);
    if (previous.controllerPort() == requestedPort || !FreePorts.isFree(previous.controllerPort())) {
      // A single-node quorum's leader updates its own voter endpoint, so its controller port may change.
      int controllerPort;
      do {
        controllerPort = FreePorts.pick();
      } while (controllerPort == requestedPort || controllerPort == previous.brokerPort());
      LOG.warn("controller port {} of data dir {} is wanted for the broker or taken by another process; using {}",
          previous.controllerPort(), dir, controllerPort);
      previous = new DataDirState(previous.clusterId(), previous.brokerPort(), controllerPort);
    }
    int brokerPort;
    if (requestedPort > 0) {
      brokerPort = requestedPort;
      requireFree(brokerPort, "broker port");
    } else if (FreePorts.isFree(previous.brokerPort())) {
      brokerPort = previous.brokerPort();
    } else {
      brokerPort = FreePorts.pickOtherThan(previous.controllerPort());
    }
    if (brokerPort == previous.controllerPort()) {
      throw new IllegalArgumentException("port " + brokerPort + " is this data dir's controller port; choose another");
    }
    return previous.withBrokerPort(brokerPort);
  }

  private static Optional<String> formattedClusterId(Path dir) {
    Path meta = dir.resolve("kafka-data").resolve("meta.properties");
    if (!Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + meta, e);
    }
    String clusterId = props.getProperty("cluster.id", "").trim();
    if (clusterId.isEmpty()) {
      throw new IllegalStateException(meta + " has no cluster.id; use an empty data dir");
    }
    return Optional.of(clusterId);
  }

  /** Kafka holds a lock on its log dir while it runs; if we cannot take it, a broker (ours or not) uses this dir. */
  private static void requireNotInUse(Path dir) {
    Path lockFile = dir.resolve("kafka-data").resolve(".lock");
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IllegalStateException("data dir " + dir + " is in use by a running Kafka broker");
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException("data dir " + dir + " is in use by a Kafka broker of this JVM", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check whether " + lockFile + " is locked", e);
    }
  }

  private static void requireFree(int port, String what) {
    if (!FreePorts.isFree(port)) {
      throw new IllegalStateException(what + " " + port + " on " + BrokerSettings.HOST + " is already in use");
    }
  }

  /** {@code 127.0.0.1:PORT}; stays the same across {@link #restart()}. */
  public String bootstrapServers() {
    return settings.bootstrapServers();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The broker's own log file. */
  public Path logFile() {
    return dataDir.resolve("logs").resolve("server.log");
  }

  private Path consoleFile() {
    return dataDir.resolve("logs").resolve("console.log");
  }

  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Clean shutdown (SIGTERM, then SIGKILL if it does not exit within 30 s). The data stays. */
  public synchronized void stop() {
    Process p = process;
    if (p == null) {
      return;
    }
    if (p.isAlive()) {
      long stoppingAt = System.nanoTime();
      p.destroy();
      if (!waitFor(p, STOP_TIMEOUT)) {
        LOG.warn("local Kafka broker did not stop within {}, killing it", STOP_TIMEOUT);
        p.destroyForcibly();
        waitFor(p, KILL_TIMEOUT);
      }
      LOG.info("local Kafka broker on {} stopped in {} ms", bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppingAt));
    }
    released();
  }

  /** SIGKILL, for fault tests: no clean shutdown, the data stays and {@link #restart()} recovers it. */
  public synchronized void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    if (!waitFor(p, KILL_TIMEOUT)) {
      throw new IllegalStateException("local Kafka broker (pid " + p.pid() + ") survived SIGKILL for " + KILL_TIMEOUT);
    }
    released();
  }

  /** Stops the broker if it runs, then starts it again on the same ports and data. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("this LocalKafka is closed; start a new one on " + dataDir);
    }
    stop();
    launch();
  }

  /**
   * Blocks until the broker process exits (for a command that runs the broker in the foreground).
   *
   * @return the broker's exit code
   */
  public int awaitExit() throws InterruptedException {
    Process p = process;
    return p == null ? 0 : p.waitFor();
  }

  /** Same as {@link #stop()}; the instance can no longer be restarted. */
  @Override
  public synchronized void close() {
    stop();
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shutdownInProgress) {
      // the hook is running or about to; nothing to undo
    }
  }

  @Override
  public String toString() {
    return "LocalKafka[" + bootstrapServers() + ", " + dataDir + (isRunning() ? ", running]" : ", stopped]");
  }

  private void writeConfigFiles() {
    write(dataDir.resolve("server.properties"), settings.render());
    write(dataDir.resolve("log4j2.properties"), """
        # written by hookline local-kafka: the broker logs to its data dir, never to the parent's console
        status = warn
        appender.file.type = File
        appender.file.name = file
        appender.file.fileName = ${sys:%s}
        appender.file.append = true
        appender.file.layout.type = PatternLayout
        appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
        rootLogger.level = INFO
        rootLogger.appenderRef.file.ref = file
        logger.kafkaconfig.name = org.apache.kafka.common.config
        logger.kafkaconfig.level = WARN
        """.formatted(BrokerLauncher.LOG_FILE_PROPERTY));
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private void formatIfNeeded(String clusterId) {
    if (Files.exists(settings.logDir().resolve("meta.properties"))) {
      return;
    }
    Path output = dataDir.resolve("logs").resolve("format.log");
    List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c",
        dataDir.resolve("server.properties").toString()));
    if (settings.quorum().standalone()) {
      args.add("--standalone");
    }
    args.addAll(overrides.formatArguments());
    List<String> command = ChildJvm.tool(dataDir.resolve("log4j2.properties"), logFile(),
        "kafka.tools.StorageTool", args.toArray(String[]::new));
    try {
      Process format = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      if (!waitFor(format, FORMAT_TIMEOUT)) {
        format.destroyForcibly();
        throw new IllegalStateException("formatting Kafka storage in " + settings.logDir() + " took more than "
            + FORMAT_TIMEOUT + "; output in " + output + ":\n" + LogTail.of(output, LOG_TAIL_LINES));
      }
      if (format.exitValue() != 0) {
        throw new IllegalStateException("formatting Kafka storage in " + settings.logDir() + " failed with exit code "
            + format.exitValue() + "; output in " + output + ":\n" + LogTail.of(output, LOG_TAIL_LINES));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run Kafka's StorageTool: " + String.join(" ", command), e);
    }
  }

  private void launch() {
    spawn();
    awaitStarted();
  }

  /** Starts the node's process without waiting: a node of a cluster answers only once a quorum of its peers runs. */
  synchronized void spawn() {
    List<String> command = ChildJvm.broker(dataDir.resolve("log4j2.properties"), logFile(),
        dataDir.resolve("server.properties"));
    writeConfigFiles();
    rotate(logFile());
    rotate(consoleFile());
    long startedAt = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(consoleFile().toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the local Kafka broker: " + String.join(" ", command), e);
    }
    process = p;
    spawnedAt = startedAt;
    // Never written and never closed while the broker runs: its end-of-file tells the child that we are gone.
    parentPipe = p.getOutputStream();
  }

  /** Waits until the spawned node answers; kills it when it does not. */
  synchronized void awaitStarted() {
    Process p = process;
    if (p == null) {
      throw new IllegalStateException("local Kafka broker in " + dataDir + " was not started");
    }
    try {
      awaitReady(p);
    } catch (RuntimeException e) {
      p.destroyForcibly();
      waitFor(p, KILL_TIMEOUT);
      released();
      throw e;
    }
    LOG.info("local Kafka broker ready on {} in {} ms (pid {}, data {})", bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - spawnedAt), p.pid(), dataDir);
  }

  /** One log per run, so the tail in an error message is this run's; the previous run's stays next to it. */
  private static void rotate(Path log) {
    try {
      if (Files.exists(log)) {
        Files.move(log, log.resolveSibling(log.getFileName() + ".previous"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("cannot rotate {}: {}", log, e.toString());
    }
  }

  private void awaitReady(Process p) {
    long timeoutSeconds = Long.getLong(STARTUP_TIMEOUT_PROPERTY, 90);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    // Waiting for the listener quietly first spares the logs an Admin client's reconnect chatter.
    while (!FreePorts.accepts(settings.brokerPort())) {
      requireAlive(p, timeoutSeconds, deadline);
      sleep(200);
    }
    // Generous timeouts: the listener is already up, and a cold broker on a loaded machine can take seconds to answer
    // its first request; short timeouts only make the client give up and retry in a loop.
    Map<String, Object> config = new HashMap<>(overrides.clientProperties());
    config.putAll(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.CLIENT_ID_CONFIG, "local-kafka-readiness",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
        AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 100,
        AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    try (Admin admin = Admin.create(config)) {
      while (!answers(admin)) {
        requireAlive(p, timeoutSeconds, deadline);
        sleep(200);
      }
    }
  }

  private void requireAlive(Process p, long timeoutSeconds, long deadline) {
    if (!p.isAlive()) {
      throw new IllegalStateException("local Kafka broker exited with code " + p.exitValue()
          + " before it was ready; " + logHint());
    }
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("local Kafka broker did not answer on " + bootstrapServers() + " within "
          + timeoutSeconds + " s; " + logHint());
    }
  }

  private static boolean answers(Admin admin) {
    try {
      Collection<Node> nodes = admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
      return !nodes.isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the local Kafka broker", e);
    }
  }

  private String logHint() {
    StringBuilder hint = new StringBuilder("broker log: ").append(logFile()).append('\n')
        .append(LogTail.of(logFile(), LOG_TAIL_LINES));
    if (Files.isRegularFile(consoleFile())) {
      hint.append("console output: ").append(consoleFile()).append('\n')
          .append(LogTail.of(consoleFile(), LOG_TAIL_LINES / 2));
    }
    return hint.toString();
  }

  private void released() {
    OutputStream pipe = parentPipe;
    parentPipe = null;
    process = null;
    if (pipe != null) {
      try {
        pipe.close();
      } catch (IOException ignored) {
        // the child is gone already
      }
    }
  }

  /** Runs in the JVM's shutdown; never takes the monitor, which a starting thread may hold. */
  private void stopOnJvmExit() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroy();
      if (!waitFor(p, Duration.ofSeconds(15))) {
        p.destroyForcibly();
      }
    }
  }

  private static boolean waitFor(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the local Kafka broker", e);
    }
  }

  /**
   * Runs a broker in the foreground until this JVM is stopped: {@code LocalKafka [DATA_DIR [PORT]]}. Prints one line
   * with {@code bootstrap.servers=} once the broker answers.
   */
  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args.length > 0 ? args[0] : "local-kafka-data");
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    LocalKafka kafka = start(dir, port);
    System.out.println("local Kafka ready bootstrap.servers=" + kafka.bootstrapServers() + " data=" + kafka.dataDir()
        + " log=" + kafka.logFile());
    int exit = kafka.awaitExit();
    System.exit(exit == 143 ? 0 : exit);
  }
}
