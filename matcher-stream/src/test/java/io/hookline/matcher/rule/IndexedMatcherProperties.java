package io.hookline.matcher.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.matcher.index.HookMatch;
import io.hookline.matcher.index.TriggerIndex;
import io.hookline.matcher.testing.Hooks;
import io.hookline.matcher.testing.Posts;
import io.hookline.matcher.rule.GoWhitespace;
import io.hookline.schemas.hook.HookLiveness;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.OutgoingWebhookValidator;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * The indexed matcher (config records through {@link HookLiveness} into a {@link TriggerIndex}, then
 * {@link PostMatcher}) gives exactly what {@link ReferenceMatcher} gives over a plainly maintained table.
 */
class IndexedMatcherProperties {

    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);

    /** Go spaces and characters that look like spaces but are not (U+200B, U+180E, U+FEFF, U+001F). */
    private static final String[] SEPARATORS = {" ", "\t", "\n", "\r\n", "\u000B", "\f", "\u0085", "\u00A0",
            "\u1680", "\u2000", "\u2007", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\u200B",
            "\u180E", "\uFEFF", "\u001F", ""};

    enum Kind { UPSERT, TOMBSTONE, DELETE_AT, GARBAGE }

    record Op(Kind kind, OutgoingWebhook hook) {
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.MIXIN)
    void indexedMatcherEqualsReference(@ForAll("ops") @Size(max = 25) List<Op> ops,
                                       @ForAll("posts") @Size(min = 1, max = 15) List<PostEvent> posts,
                                       @ForAll("enabled") boolean enabled) {
        TriggerIndex index = new TriggerIndex();
        Map<String, OutgoingWebhook> table = new LinkedHashMap<>();
        for (Op op : ops) {
            String key = op.hook().id();
            byte[] value = switch (op.kind()) {
                case TOMBSTONE -> null;
                case GARBAGE -> "{\"id\": oops".getBytes(StandardCharsets.UTF_8);
                default -> HOOKS.toBytes(op.hook());
            };
            if (HookLiveness.decide(key, value) instanceof HookState.Live live) {
                index.put(live.hook());
            } else {
                index.remove(key);
            }
            applyPlainly(table, op);
        }
        PostMatcher matcher = new PostMatcher(index, enabled);
        for (PostEvent post : posts) {
            List<HookMatch> expected = ReferenceMatcher.matches(table.values(), post, enabled);
            assertThat(matcher.matches(post)).as("post %s", post).isEqualTo(expected);
            Statistics.label("matches per post").collect(Math.min(expected.size(), 2));
            Statistics.label("matched on").collect(expected.stream().map(m -> m.triggerWord().isEmpty()
                    ? "channel" : m.triggerWord().equals(GoWhitespace.firstWord(post.post().message()))
                    ? "whole word" : "prefix").distinct().sorted().toList());
        }
    }

    private static void applyPlainly(Map<String, OutgoingWebhook> table, Op op) {
        switch (op.kind()) {
            case TOMBSTONE, GARBAGE -> table.remove(op.hook().id());
            default -> {
                // the latest record decides: an invalid one takes the hook out like a deletion
                if (op.hook().deleteAt() == 0 && OutgoingWebhookValidator.violations(op.hook()).isEmpty()) {
                    table.put(op.hook().id(), op.hook());
                } else {
                    table.remove(op.hook().id());
                }
            }
        }
    }

    @Provide
    Arbitrary<Boolean> enabled() {
        return Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(8, Kind.UPSERT), Tuple.of(1, Kind.TOMBSTONE),
                Tuple.of(1, Kind.DELETE_AT), Tuple.of(1, Kind.GARBAGE));
        return Combinators.combine(kinds, hooks()).as((kind, hook) -> new Op(kind,
                kind == Kind.DELETE_AT ? hook.withDeleteAt(1_700_000_000_500L) : hook)).list();
    }

    private Arbitrary<OutgoingWebhook> hooks() {
        Arbitrary<String> names = Arbitraries.of("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8");
        Arbitrary<String> teams = Arbitraries.frequency(Tuple.of(4, Posts.TEAM), Tuple.of(1, Posts.OTHER_TEAM));
        Arbitrary<String> channels = Arbitraries.of("", "", Posts.CHANNEL, Posts.OTHER_CHANNEL);
        Arbitrary<List<String>> words = words().list().ofMinSize(0).ofMaxSize(3);
        Arbitrary<Integer> when = Arbitraries.frequency(Tuple.of(5, 0), Tuple.of(5, 1), Tuple.of(1, 2), Tuple.of(1, -1));
        Arbitrary<Long> updatedAt = Arbitraries.longs().between(1_700_000_000_000L, 1_700_000_001_000L);
        return Combinators.combine(names, teams, channels, words, when, updatedAt)
                .as((name, team, channel, ws, w, updated) -> Hooks.hook(name).team(team).channel(channel).words(ws)
                        .when(w).updateAt(updated).build());
    }

    private static Arbitrary<String> words() {
        // a lone high surrogate now and then: legal in a Java string, and it must not break anything
        return Arbitraries.frequency(Tuple.of(6, "a"), Tuple.of(4, "b"), Tuple.of(2, "A"), Tuple.of(2, "\u00e9"),
                        Tuple.of(2, "\uD83D\uDE80"), Tuple.of(1, "\uD83D"))
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<PostEvent>> posts() {
        Arbitrary<String> separators = Arbitraries.of(SEPARATORS);
        Arbitrary<String> message = Combinators.combine(separators, words().injectNull(0.15), separators,
                        words().injectNull(0.5))
                .as((lead, first, sep, rest) -> lead + (first == null ? "" : first) + sep
                        + (rest == null ? "" : rest));
        Arbitrary<String> channels = Arbitraries.of(Posts.CHANNEL, Posts.OTHER_CHANNEL);
        Arbitrary<String> teams = Arbitraries.frequency(Tuple.of(4, Posts.TEAM), Tuple.of(1, Posts.OTHER_TEAM));
        Arbitrary<String> channelTypes = Arbitraries.frequency(Tuple.of(12, "O"), Tuple.of(1, "P"), Tuple.of(1, "D"),
                Tuple.of(1, "G"));
        Map<String, Object> none = Map.of();
        Map<String, Object> flagString = Map.of("from_webhook", "true");
        Map<String, Object> flagBoolean = Map.of("from_webhook", true);
        Map<String, Object> flagFalse = Map.of("from_webhook", "false");
        Arbitrary<Map<String, Object>> props = Arbitraries.frequency(Tuple.of(12, none), Tuple.of(1, flagString),
                Tuple.of(1, flagBoolean), Tuple.of(1, flagFalse));
        Arbitrary<String> types = Arbitraries.frequency(Tuple.of(12, ""), Tuple.of(1, "system_join_channel"),
                Tuple.of(1, "custom_poll"));
        Arbitrary<Long> edits = Arbitraries.frequency(Tuple.of(12, 0L), Tuple.of(1, 1_764_150_000_001L));
        return Combinators.combine(message, channels, teams, channelTypes, props, types, edits, edits)
                .as((m, c, t, ct, p, ty, edit, delete) -> Posts.post(m).channel(c).team(t).channelType(ct).props(p)
                        .type(ty).editAt(edit).deleteAt(delete).build())
                .list();
    }
}
