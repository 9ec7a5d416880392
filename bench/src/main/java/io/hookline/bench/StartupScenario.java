package io.hookline.bench;

import io.hookline.kafkatest.StageProcess;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dispatcher process takes from its start to its {@code ready} line with 10,000 hooks in
 * {@code webhook-configs}, against the same with no hook: whatever the dispatcher reads from the config topic before
 * it starts delivering shows as the difference. Rounds alternate the two, median of each.
 */
final class StartupScenario {

    private static final Pattern RESTORED = Pattern.compile("hook table restored: (\\d+) hooks .* in (\\d+) ms");
    private static final int ROUNDS = 3;

    private StartupScenario() {
    }

    static Row run(BenchKafka kafka, int hooks) throws Exception {
        Map<String, String> empty = kafka.newRun("start0", Map.of());
        Map<String, String> full = kafka.newRun("start10k", Map.of());
        fill(kafka, full, hooks);
        List<Long> emptyMs = new ArrayList<>();
        List<Long> fullMs = new ArrayList<>();
        List<Long> restoreMs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            emptyMs.add(startToReady(kafka, empty).millis());
            Start s = startToReady(kafka, full);
            fullMs.add(s.millis());
            s.restoreMillis().ifPresent(restoreMs::add);
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("hooks", hooks);
        d.put("rounds", ROUNDS + ", alternating, median of each");
        d.put("start_to_ready_ms_with_hooks", fullMs);
        d.put("start_to_ready_ms_without_hooks", emptyMs);
        d.put("hook_table_restore_ms", restoreMs.isEmpty() ? null : restoreMs);
        return new Row("start", "dispatcher start -> ready, " + String.format("%,d", hooks) + " hooks",
                median(fullMs), "dispatcher start -> ready, no hook", median(emptyMs), "ms", d);
    }

    private record Start(long millis, Optional<Long> restoreMillis) {
    }

    private static Start startToReady(BenchKafka kafka, Map<String, String> settings) throws Exception {
        long t0 = System.nanoTime();
        StageProcess p = kafka.stage("dispatcher", settings);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        try {
            Matcher m = RESTORED.matcher(Files.readString(p.log()));
            return new Start(millis, m.find() ? Optional.of(Long.parseLong(m.group(2))) : Optional.empty());
        } finally {
            p.close();
        }
    }

    /** Valid hooks with a token and a signing secret each: the size of a real config record. */
    private static void fill(BenchKafka kafka, Map<String, String> settings, int hooks) throws Exception {
        Topics topics = TopicSettings.topics(kafka.config(settings));
        try (SetupWriter writer = kafka.setupWriter(20)) {
            for (int i = 0; i < hooks; i++) {
                String id = Ids.deterministic("start", "hook", Integer.toString(i));
                byte[] key = Ids.deterministic("start", "secret", Integer.toString(i)).getBytes(StandardCharsets.UTF_8);
                String team = Ids.deterministic("team", Integer.toString(i % 1000));
                OutgoingWebhook hook = new OutgoingWebhook(id, Ids.deterministic("start", "token", Integer.toString(i)),
                        1, 1, 0, Ids.deterministic("creator"), "", team, List.of("w" + i), 0,
                        List.of("http://127.0.0.1:9/hook"), "Bench " + i, "", ContentTypes.JSON, "", "",
                        OutgoingWebhook.SIGNING_SECRET_PREFIX + Base64.getEncoder().encodeToString(key));
                writer.sendHook(topics, hook);
            }
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
