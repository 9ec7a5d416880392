package io.hookline.bench;

import io.hookline.dispatcher.http.AttemptResult;
import io.hookline.dispatcher.http.CallbackClient;
import io.hookline.dispatcher.http.CallbackTargets;
import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.AllowList;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/** The dispatcher scenarios: delivery, isolation, scale-out. Each dispatcher is a separate process. */
final class DeliveryScenarios {

    private static final int IN_FLIGHT = 256;
    private static final int PER_HOST = 64;
    private static final int SCALE_IN_FLIGHT = 32;
    /**
     * Deliveries through the measured dispatcher process before measuring, as many as the client alone is warmed
     * with: with 5,000 the dispatcher's JIT compiler still used a quarter of its CPU during the measurement.
     */
    private static final int WARMUP = 10_000;

    private DeliveryScenarios() {
    }

    /** Deliveries/s through Kafka (one dispatcher process) next to the same HTTP client alone, fast endpoints. */
    static Row delivery(BenchKafka kafka, int n) throws Exception {
        try (Endpoints fast = new Endpoints().add(10, 0, 8)) {
            List<String> urls = fast.urls();
            Map<String, String> settings = DispatcherRun.settings(IN_FLIGHT, PER_HOST, 10);
            Alone client = clientAlone(urls, n, IN_FLIGHT, WARMUP);
            DispatcherRun.Result kafkaRun = DispatcherRun.run(kafka, "delivery", settings, 1, urls,
                    Set.copyOf(urls), WARMUP, n);
            Map<String, Object> cpu = cpuPerDelivery(kafkaRun, client);
            System.out.println(cpuLine(cpu));
            Map<String, Object> more = new LinkedHashMap<>();
            more.put("deliveries", n);
            more.put("in_flight", IN_FLIGHT);
            more.put("per_host", PER_HOST);
            more.put("cpu_us_per_delivery", cpu);
            return new Row("delivery", "dispatcher process via Kafka, 10 fast endpoints", kafkaRun.perSecond(),
                    "same CallbackClient alone, no Kafka", client.perSecond(), "/s", details(kafkaRun, more));
        }
    }

    /** Nine fast endpoints and one that never answers in time, against ten fast ones: the nine's throughput. */
    static Row isolation(BenchKafka kafka, int n) throws Exception {
        try (Endpoints fast = new Endpoints().add(10, 0, 8); Endpoints dead = new Endpoints().add(1, 60_000, 64)) {
            List<String> allFast = fast.urls();
            Set<String> nine = new HashSet<>(allFast.subList(0, 9));
            List<String> withDead = new java.util.ArrayList<>(allFast.subList(0, 9));
            withDead.add(dead.urls().get(0));
            Map<String, String> settings = DispatcherRun.settings(IN_FLIGHT, PER_HOST, 2);
            DispatcherRun.Result healthy = DispatcherRun.run(kafka, "isolation-fast", settings, 1, allFast, nine, n);
            DispatcherRun.Result degraded = DispatcherRun.run(kafka, "isolation-dead", settings, 1, withDead, nine, n);
            return new Row("isolation", "9 fast endpoints, 10th times out (2 s)", degraded.perSecond(),
                    "the same 9 when the 10th is fast", healthy.perSecond(), "/s", details(degraded, Map.of(
                            "deliveries", n, "baseline_ms", healthy.millis(),
                            // how the dead endpoint's deliveries ended by then (timed out; none shed any more)
                            "dead_endpoint_outcomes_by_error", degraded.uncountedByError())));
        }
    }

    /**
     * One against two dispatcher processes, endpoints answering after 100 ms. The in-flight budget per process is small
     * on purpose, so one process is bound by it (ceiling budget / 0.1 s) and not by the CPU of a shared machine. Both
     * are measured warm, after {@code n} uncounted deliveries through the same processes: two fresh JVMs compiling at
     * once fill two cores, and cold the comparison measures their compilers more than the scaling (the cold rates are
     * in the details).
     */
    static Row scaleOut(BenchKafka kafka, int n) throws Exception {
        try (Endpoints slow = new Endpoints().add(10, 100, 64)) {
            List<String> urls = slow.urls();
            Map<String, String> settings = DispatcherRun.settings(SCALE_IN_FLIGHT, SCALE_IN_FLIGHT, 10);
            DispatcherRun.Result one = DispatcherRun.run(kafka, "scale-one", settings, 1, urls, Set.copyOf(urls), n,
                    n);
            DispatcherRun.Result two = DispatcherRun.run(kafka, "scale-two", settings, 2, urls, Set.copyOf(urls), n,
                    n);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("deliveries", n);
            d.put("warmup_deliveries", n);
            d.put("in_flight_per_process", SCALE_IN_FLIGHT);
            d.put("ceiling_per_process_per_s", SCALE_IN_FLIGHT * 10);
            d.put("one_process_ms", one.millis());
            d.put("one_process_share_of_ceiling", one.perSecond() / (SCALE_IN_FLIGHT * 10));
            d.put("cold_one_process_per_s", one.warmup().perSecond());
            d.put("cold_two_processes_per_s", two.warmup().perSecond());
            d.put("cold_ratio", two.warmup().perSecond() / one.warmup().perSecond());
            d.put("cpu_us_per_delivery_one_process", cpuPerDelivery(one));
            d.put("cpu_us_per_delivery_two_processes", cpuPerDelivery(two));
            return new Row("scale-out", "2 dispatcher processes, 100 ms endpoints", two.perSecond(),
                    "1 dispatcher process", one.perSecond(), "/s", details(two, d));
        }
    }

    private static Map<String, Object> details(DispatcherRun.Result r, Map<String, Object> more) {
        Map<String, Object> d = new LinkedHashMap<>(more);
        d.put("counted", r.counted());
        d.put("failed", r.failed());
        d.put("millis", r.millis());
        return d;
    }

    /** CPU microseconds per delivery of each process of a Kafka run (all dispatcher processes together). */
    private static Map<String, Object> cpuPerDelivery(DispatcherRun.Result run) {
        CpuMeter.Sample c = run.cpu();
        int n = run.deliveries();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dispatcher", round(CpuMeter.micros(c.dispatcher(), n)));
        m.put("broker", round(CpuMeter.micros(c.broker(), n)));
        m.put("bench_writer_and_reader", round(CpuMeter.micros(c.bench(), n)));
        m.put("endpoints", round(CpuMeter.micros(c.endpoints(), n)));
        return m;
    }

    /** The client-alone run: its rate and the CPU of the client (this JVM without the endpoints) and the endpoints. */
    record Alone(double perSecond, long clientNanos, long endpointNanos, int n) {
    }

    /** CPU microseconds per delivery of each process of the Kafka run, next to the client alone's. */
    private static Map<String, Object> cpuPerDelivery(DispatcherRun.Result run, Alone alone) {
        Map<String, Object> m = cpuPerDelivery(run);
        m.put("client_alone", round(CpuMeter.micros(alone.clientNanos(), alone.n())));
        m.put("client_alone_endpoints", round(CpuMeter.micros(alone.endpointNanos(), alone.n())));
        m.put("dispatcher_to_client_alone", round((double) m.get("dispatcher") / (double) m.get("client_alone")));
        return m;
    }

    private static String cpuLine(Map<String, Object> cpu) {
        return String.format(java.util.Locale.ROOT, "  delivery CPU per delivery: dispatcher %s us + broker %s us "
                        + "(+ bench writer/reader %s us, endpoints %s us) via Kafka; client alone %s us (endpoints %s us)"
                        + "; dispatcher / client alone = %s",
                cpu.get("dispatcher"), cpu.get("broker"), cpu.get("bench_writer_and_reader"), cpu.get("endpoints"),
                cpu.get("client_alone"), cpu.get("client_alone_endpoints"), cpu.get("dispatcher_to_client_alone"));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /**
     * The dispatcher's {@code CallbackClient} alone: {@code n} sends round-robin over the URLs with {@code inFlight} at
     * once, after {@code warmup} sends (connections, JIT) that are not counted.
     */
    static Alone clientAlone(List<String> urls, int n, int inFlight, int warmup) throws Exception {
        CallbackClient client = new CallbackClient(CallbackClient.Options.of(Duration.ofSeconds(3),
                Duration.ofSeconds(10), inFlight),
                new CallbackTargets(new AddressPolicy(AllowList.parse("127.0.0.1"), Set.of())), Clock.systemUTC());
        try {
            send(client, urls, Math.min(n, warmup), inFlight); // warm connections and the JIT
            CpuMeter.Sample before = CpuMeter.sample(List.of());
            long t0 = System.nanoTime();
            int failures = send(client, urls, n, inFlight);
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            CpuMeter.Sample used = CpuMeter.sample(List.of()).minus(before);
            if (failures > 0) {
                System.out.println("client alone: " + failures + " failures");
            }
            return new Alone(rate, used.bench(), used.endpoints(), n);
        } finally {
            client.close();
        }
    }

    private static int send(CallbackClient client, List<String> urls, int n, int inFlight)
            throws InterruptedException {
        Semaphore budget = new Semaphore(inFlight);
        AtomicInteger failures = new AtomicInteger();
        List<OutgoingWebhook> hooks = DispatcherRun.hooks(urls);
        for (int i = 0; i < n; i++) {
            budget.acquire();
            client.send(DispatcherRun.trigger(i, urls.get(i % urls.size()), i % hooks.size()),
                    hooks.get(i % hooks.size())).whenComplete(
                    (AttemptResult r, Throwable e) -> {
                        if (e != null || r.httpStatus() == null || r.httpStatus() != 200) {
                            failures.incrementAndGet();
                        }
                        budget.release();
                    });
        }
        budget.acquire(inFlight);
        return failures.get();
    }
}
