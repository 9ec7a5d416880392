package io.hookline.localkafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The server.properties of a combined broker+controller node bound to 127.0.0.1, tuned for a small shared machine: few
 * threads, few internal partitions, small buffers. Alone ({@link Quorum#single()}) it keeps one copy of every internal
 * topic; as a node of an N-node cluster it keeps min(3, N) copies with {@code min.insync.replicas} one less.
 * {@code overrides} (listeners, security) are applied last.
 */
record BrokerSettings(Path logDir, int brokerPort, int controllerPort, Quorum quorum, String clientProtocol,
                      Map<String, String> overrides) {

  static final int NODE_ID = 1;
  static final String HOST = "127.0.0.1";

  /**
   * The controller quorum this node belongs to.
   *
   * @param voters {@code id@host:port,...} of a static quorum, or empty for a single node formatted
   *               {@code --standalone}
   */
  record Quorum(int nodeId, String voters, int size) {

    Quorum {
      Objects.requireNonNull(voters, "voters");
      if (size < 1 || nodeId < 1) {
        throw new IllegalArgumentException("node id and quorum size must be at least 1, were " + nodeId + ", " + size);
      }
    }

    static Quorum single() {
      return new Quorum(NODE_ID, "", 1);
    }

    boolean standalone() {
      return voters.isEmpty();
    }

    /** Copies of each internal topic: three at most, fewer only when the cluster is smaller. */
    int replicas() {
      return Math.min(3, size);
    }

    int minInsync() {
      return Math.max(1, replicas() - 1);
    }
  }

  BrokerSettings(Path logDir, int brokerPort, int controllerPort) {
    this(logDir, brokerPort, controllerPort, Quorum.single(), "PLAINTEXT", Map.of());
  }

  BrokerSettings {
    Objects.requireNonNull(logDir, "logDir");
    Objects.requireNonNull(quorum, "quorum");
    Objects.requireNonNull(clientProtocol, "clientProtocol");
    overrides = Map.copyOf(overrides);
    requirePort(brokerPort, "broker");
    requirePort(controllerPort, "controller");
    if (brokerPort == controllerPort) {
      throw new IllegalArgumentException("broker and controller ports must differ, both are " + brokerPort);
    }
  }

  private static void requirePort(int port, String what) {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(what + " port must be in 1..65535, was " + port);
    }
  }

  String bootstrapServers() {
    return HOST + ":" + brokerPort;
  }

  Map<String, String> asProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(quorum.nodeId()));
    // the controller listener stays PLAINTEXT: it is bound to loopback and only the nodes use it
    String client = clientProtocol;
    p.put("listeners", client + "://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", client + "://" + HOST + ":" + brokerPort);
    p.put("listener.security.protocol.map", client + ":" + client + ",CONTROLLER:PLAINTEXT");
    p.put("inter.broker.listener.name", client);
    p.put("controller.listener.names", "CONTROLLER");
    if (quorum.standalone()) {
      // --standalone formatting writes the voter set itself; voters would contradict it.
      p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
    } else {
      p.put("controller.quorum.voters", quorum.voters());
    }
    p.put("log.dirs", logDir.toAbsolutePath().toString());

    // One node: every replicated thing has exactly one copy. A cluster: up to three, one of which may be down.
    String replicas = Integer.toString(quorum.replicas());
    String minInsync = Integer.toString(quorum.minInsync());
    p.put("default.replication.factor", replicas);
    p.put("min.insync.replicas", minInsync);
    p.put("offsets.topic.replication.factor", replicas);
    p.put("transaction.state.log.replication.factor", replicas);
    p.put("transaction.state.log.min.isr", minInsync);
    p.put("share.coordinator.state.topic.replication.factor", replicas);
    p.put("share.coordinator.state.topic.min.isr", minInsync);
    p.put("group.initial.rebalance.delay.ms", "0");
    // Crash tests wait for a killed consumer's session to expire; let them ask for a short one (default minimum 6 s).
    p.put("group.min.session.timeout.ms", "1000");
    // A killed Streams process's open transaction blocks its partitions until the broker aborts it, at the first
    // check after its timeout: check every second, not every 10 s (the default), so that a peer takes over in seconds.
    p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");

    // After a kill the restarted node is refused (DuplicateBrokerRegistration) until its previous session expires:
    // the default 9 s session makes every kill/restart fault test that much slower.
    p.put("broker.heartbeat.interval.ms", "500");
    p.put("broker.session.timeout.ms", "4000");

    // Internal topics with 50 partitions each cost seconds to create and thousands of files; tests need few.
    p.put("num.partitions", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.num.partitions", "3");
    p.put("share.coordinator.state.topic.num.partitions", "3");

    // Two shared cores: few threads, small buffers and segments.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "4");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("num.replica.fetchers", "1");
    p.put("log.cleaner.threads", "1");
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    p.put("log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    p.put("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    p.put("offsets.topic.segment.bytes", Integer.toString(16 * 1024 * 1024));
    p.put("transaction.state.log.segment.bytes", Integer.toString(16 * 1024 * 1024));
    p.putAll(overrides);
    return p;
  }

  String render() {
    StringBuilder out = new StringBuilder("# written by hookline local-kafka; rewritten on every start\n");
    asProperties().forEach((key, value) -> out.append(key).append('=').append(escape(value)).append('\n'));
    return out.toString();
  }

  /** Properties-file escaping for values (Windows paths, spaces). */
  private static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ':', '=', '#', '!' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
