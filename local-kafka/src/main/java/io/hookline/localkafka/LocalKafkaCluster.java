package io.hookline.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.Uuid;

/**
 * A real N-node Kafka cluster on 127.0.0.1: N combined broker+controller nodes (a static quorum of N voters), each a
 * {@link LocalKafka} child JVM in {@code node-<id>/} of the data dir. Internal topics keep min(3, N) copies and
 * {@code min.insync.replicas} one less, so one node may be down. A node can be killed ({@code kill -9}) and restarted
 * on the same ports and data; the cluster id and ports are kept for a later start on the same dir.
 */
public final class LocalKafkaCluster implements AutoCloseable {

  private final List<LocalKafka> nodes;

  private LocalKafkaCluster(List<LocalKafka> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** Starts {@code size} nodes (new or the data dir's) and returns once every one answers. */
  public static LocalKafkaCluster start(Path dataDir, int size) {
    Objects.requireNonNull(dataDir, "dataDir");
    if (size < 1 || size > 9) {
      throw new IllegalArgumentException("a local cluster has 1 to 9 nodes, not " + size);
    }
    Path dir = dataDir.toAbsolutePath().normalize();
    List<DataDirState> states = states(dir, size);
    StringJoiner voters = new StringJoiner(",");
    for (int i = 0; i < size; i++) {
      voters.add((i + 1) + "@" + BrokerSettings.HOST + ":" + states.get(i).controllerPort());
    }
    // formatting is a JVM per node: side by side it costs one node's time
    List<CompletableFuture<LocalKafka>> prepared = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int id = i + 1;
      DataDirState state = states.get(i);
      prepared.add(CompletableFuture.supplyAsync(() -> LocalKafka.prepare(nodeDir(dir, id), state,
          new BrokerSettings.Quorum(id, voters.toString(), size), BrokerOverrides.NONE)));
    }
    List<LocalKafka> nodes = new ArrayList<>();
    RuntimeException failure = null;
    for (CompletableFuture<LocalKafka> f : prepared) {
      try {
        nodes.add(f.join());
      } catch (CompletionException e) {
        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
    try {
      if (failure != null) {
        throw failure;
      }
      // all at once: no node answers before a majority of the quorum runs
      nodes.forEach(LocalKafka::spawn);
      nodes.forEach(LocalKafka::awaitStarted);
    } catch (RuntimeException e) {
      nodes.forEach(LocalKafka::close);
      throw e;
    }
    return new LocalKafkaCluster(nodes);
  }

  private static Path nodeDir(Path dir, int nodeId) {
    Path nodeDir = dir.resolve("node-" + nodeId);
    try {
      Files.createDirectories(nodeDir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + nodeDir, e);
    }
    return nodeDir;
  }

  /** The data dir's ports (a static quorum cannot move its voters) or fresh ones, and one cluster id for all. */
  private static List<DataDirState> states(Path dir, int size) {
    List<Optional<DataDirState>> previous = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      previous.add(DataDirState.read(dir.resolve("node-" + i)));
    }
    if (previous.stream().allMatch(Optional::isPresent)) {
      List<DataDirState> states = previous.stream().map(Optional::get).toList();
      for (DataDirState s : states) {
        requireFree(s.brokerPort());
        requireFree(s.controllerPort());
      }
      if (states.stream().map(DataDirState::clusterId).distinct().count() != 1) {
        throw new IllegalStateException("the nodes in " + dir + " belong to different clusters; use an empty dir");
      }
      return states;
    }
    if (previous.stream().anyMatch(Optional::isPresent)) {
      throw new IllegalStateException(dir + " holds a cluster of another size; start it with its own node count "
          + "or use an empty dir");
    }
    String clusterId = Uuid.randomUuid().toString();
    Set<Integer> taken = new HashSet<>();
    List<DataDirState> states = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      states.add(new DataDirState(clusterId, freshPort(taken), freshPort(taken)));
    }
    return states;
  }

  private static int freshPort(Set<Integer> taken) {
    int port;
    do {
      port = FreePorts.pick();
    } while (!taken.add(port));
    return port;
  }

  private static void requireFree(int port) {
    if (!FreePorts.isFree(port)) {
      throw new IllegalStateException("port " + port + " of this cluster's data dir is in use (is it running?)");
    }
  }

  /** Every node's {@code 127.0.0.1:PORT}, comma-separated; the same across kills and restarts. */
  public String bootstrapServers() {
    StringJoiner all = new StringJoiner(",");
    nodes.forEach(n -> all.add(n.bootstrapServers()));
    return all.toString();
  }

  public int size() {
    return nodes.size();
  }

  /** Node {@code id} (1..size): its Kafka {@code node.id}, the id metadata and describeCluster report. */
  public LocalKafka node(int id) {
    if (id < 1 || id > nodes.size()) {
      throw new IllegalArgumentException("node ids are 1.." + nodes.size() + ", not " + id);
    }
    return nodes.get(id - 1);
  }

  /** {@code kill -9} of node {@code id}; its data stays. */
  public void kill(int id) {
    node(id).kill();
  }

  /** Starts node {@code id} again (after a kill or stop) on the same ports and data; returns once it answers. */
  public void restart(int id) {
    node(id).restart();
  }

  /** {@code kill -9} of every node, for tests that throw the data away: no controlled shutdown to wait for. */
  public void killAll() {
    nodes.forEach(LocalKafka::kill);
  }

  /** Whether every node runs. */
  public boolean isRunning() {
    return nodes.stream().allMatch(LocalKafka::isRunning);
  }

  /** Stops every node; the data stays. */
  @Override
  public void close() {
    // all at once: stopped one by one, the last nodes would wait for a quorum that is already gone
    List<Thread> closers = nodes.stream().map(n -> new Thread(n::close, "local-kafka-close")).toList();
    closers.forEach(Thread::start);
    for (Thread t : closers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "LocalKafkaCluster[" + bootstrapServers() + "]";
  }
}
