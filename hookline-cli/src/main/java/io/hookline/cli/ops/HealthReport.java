package io.hookline.cli.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.serde.Json;
import io.hookline.runtime.service.ServiceHealth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The health of one process, from the health of each service it runs. {@code /health/live} is 200 while every service
 * is live (restarting the process would not help otherwise), {@code /health/ready} and {@code /health} are 200 while
 * every service is ready; 503 otherwise. The JSON body is the same for all three.
 *
 * @param services by service name, in the order they start
 */
public record HealthReport(Map<String, ServiceHealth> services) {

    public static final int OK = 200;
    public static final int UNAVAILABLE = 503;

    public HealthReport {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /**
     * While the process is still starting its services, one not started yet counts as {@code STARTING}: live (it is
     * being waited for) but not ready.
     */
    public static HealthReport of(Map<String, ServiceHealth> services, boolean starting) {
        Map<String, ServiceHealth> adjusted = new LinkedHashMap<>();
        services.forEach((name, health) -> adjusted.put(name,
                starting && !health.live() && health.state().equals("NOT_STARTED")
                        ? new ServiceHealth(true, false, "STARTING", health.clients()) : health));
        return new HealthReport(adjusted);
    }

    public boolean live() {
        return !services.isEmpty() && services.values().stream().allMatch(ServiceHealth::live);
    }

    public boolean ready() {
        return !services.isEmpty() && services.values().stream().allMatch(ServiceHealth::ready);
    }

    /** {@code UP} (ready), {@code NOT_READY} (live, waiting for Kafka: starting, rebalancing) or {@code DOWN}. */
    public String status() {
        return ready() ? "UP" : live() ? "NOT_READY" : "DOWN";
    }

    public int liveStatusCode() {
        return live() ? OK : UNAVAILABLE;
    }

    public int readyStatusCode() {
        return ready() ? OK : UNAVAILABLE;
    }

    /**
     * {@code {"status":"UP","live":true,"ready":true,"services":{"matcher":{"state":"RUNNING","live":true,
     * "ready":true,"clients":{"matcher":"RUNNING","config-audit":"RUNNING"}},...}}}.
     */
    public String json() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("status", status());
        root.put("live", live());
        root.put("ready", ready());
        ObjectNode all = root.putObject("services");
        services.forEach((name, h) -> {
            ObjectNode s = all.putObject(name);
            s.put("state", h.state());
            s.put("live", h.live());
            s.put("ready", h.ready());
            ObjectNode clients = s.putObject("clients");
            h.clients().forEach(clients::put);
        });
        return root.toString();
    }
}
