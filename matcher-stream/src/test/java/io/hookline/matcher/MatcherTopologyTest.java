package io.hookline.matcher;

import static io.hookline.matcher.testing.MatcherDriver.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.matcher.testing.Hooks;
import io.hookline.matcher.testing.MatcherDriver;
import io.hookline.matcher.testing.Posts;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every matching rule through the real topologies, in TopologyTestDriver. */
class MatcherTopologyTest {

    @TempDir
    Path stateDir;
    MatcherDriver driver;

    @BeforeEach
    void start() {
        driver = new MatcherDriver(stateDir);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static List<String> words(List<WebhookTrigger> triggers) {
        return triggers.stream().map(t -> t.hookDisplayName() + "=" + t.payload().triggerWord()).toList();
    }

    @Nested
    class Channels {
        @Test
        void aPostInAPublicChannelWhoseFirstWordIsATriggerWordFires() {
            driver.config(Hooks.hook("a").displayName("a").words("bug").build());
            assertThat(words(driver.triggersOf(Posts.post("bug login fails").build()))).containsExactly("a=bug");
        }

        @ParameterizedTest
        @ValueSource(strings = {Channel.PRIVATE, Channel.DIRECT, Channel.GROUP, ""})
        void privateDirectAndGroupChannelsNeverFire(String type) {
            driver.config(Hooks.hook("a").words("bug").build());
            driver.config(Hooks.hook("c").channel(Posts.CHANNEL).build());
            assertThat(driver.triggersOf(Posts.post("bug").channelType(type).build())).isEmpty();
        }

        @Test
        void onlyHooksOfThePostsTeamAreConsidered() {
            driver.config(Hooks.hook("a").team(Posts.OTHER_TEAM).words("bug").build());
            assertThat(driver.triggersOf(Posts.post("bug").build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("bug").team(Posts.OTHER_TEAM).build())).hasSize(1);
        }

        @Test
        void aChannelHookWithoutTriggerWordsFiresForEveryPostOfItsChannelWithAnEmptyWord() {
            driver.config(Hooks.hook("c").displayName("c").channel(Posts.CHANNEL).build());
            assertThat(words(driver.triggersOf(Posts.post("hello there").build()))).containsExactly("c=");
            assertThat(words(driver.triggersOf(Posts.post("").files("file1", "file2").build())))
                    .containsExactly("c=");
            assertThat(driver.triggersOf(Posts.post("hello").channel(Posts.OTHER_CHANNEL).build())).isEmpty();
        }

        @Test
        void aHookWithoutChannelAppliesToEveryChannelOfItsTeam() {
            driver.config(Hooks.hook("a").words("bug").build());
            assertThat(driver.triggersOf(Posts.post("bug").build())).hasSize(1);
            assertThat(driver.triggersOf(Posts.post("bug").channel(Posts.OTHER_CHANNEL).build())).hasSize(1);
        }

        @Test
        void channelAndTriggerWordsMustBothHold() {
            driver.config(Hooks.hook("d").displayName("d").channel(Posts.CHANNEL).words("deploy").build());
            assertThat(words(driver.triggersOf(Posts.post("deploy now").build()))).containsExactly("d=deploy");
            assertThat(driver.triggersOf(Posts.post("deploy now").channel(Posts.OTHER_CHANNEL).build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("please deploy").build())).isEmpty();
        }
    }

    @Nested
    class Words {
        @BeforeEach
        void hooks() {
            driver.config(Hooks.hook("e").displayName("e").words("bug", "issue").build());
            driver.config(Hooks.hook("s").displayName("s").words("dep", "deploy").when(1).build());
        }

        @Test
        void onlyTheFirstWordCounts() {
            assertThat(driver.triggersOf(Posts.post("there is a bug").build())).isEmpty();
            assertThat(words(driver.triggersOf(Posts.post("issue: bug").build()))).isEmpty();
            assertThat(words(driver.triggersOf(Posts.post("issue bug").build()))).containsExactly("e=issue");
        }

        @ParameterizedTest
        @ValueSource(strings = {" ", "\t", "\n", "\r\n", "\u000B", "\f", "\u0085", "\u00A0", "\u1680", "\u2002",
                "\u2007", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000"})
        void anyGoWhiteSpaceSeparatesWordsAndLeadingWhiteSpaceIsIgnored(String space) {
            assertThat(words(driver.triggersOf(Posts.post(space + "bug" + space + "login").build())))
                    .containsExactly("e=bug");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u200B", "\uFEFF", "\u180E", "\u001F", "-", "."})
        void zeroWidthAndPunctuationDoNotSeparateWords(String notASpace) {
            assertThat(driver.triggersOf(Posts.post("bug" + notASpace + "login").build())).isEmpty();
        }

        @Test
        void exactMatchIsWholeWordAndCaseSensitive() {
            assertThat(driver.triggersOf(Posts.post("bugs").build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("Bug").build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("BUG").build())).isEmpty();
        }

        @Test
        void startsWithMatchesPrefixesCaseSensitivelyWithTheHooksFirstMatchingWord() {
            assertThat(words(driver.triggersOf(Posts.post("deployment started").build()))).containsExactly("s=dep");
            assertThat(words(driver.triggersOf(Posts.post("dep").build()))).containsExactly("s=dep");
            assertThat(driver.triggersOf(Posts.post("Deploy").build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("de").build())).isEmpty();
        }

        @Test
        void anEmptyMessageNeverMatchesTriggerWords() {
            assertThat(driver.triggersOf(Posts.post("").build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post(" \n\u3000").build())).isEmpty();
        }

        @Test
        void everyMatchedHookGetsItsOwnWordAndItsOwnTrigger() {
            driver.config(Hooks.hook("b").displayName("b").words("b").when(1).build());
            driver.config(Hooks.hook("c").displayName("c").channel(Posts.CHANNEL).build());
            assertThat(words(driver.triggersOf(Posts.post("bug").build())))
                    .containsExactlyInAnyOrder("e=bug", "b=b", "c=");
        }
    }

    @Nested
    class NeverFires {
        @BeforeEach
        void hooks() {
            driver.config(Hooks.hook("a").words("bug").build());
            driver.config(Hooks.hook("c").channel(Posts.CHANNEL).build());
        }

        @Test
        void postsMadeByWebhooks() {
            assertThat(driver.triggersOf(Posts.post("bug").props(Map.of("from_webhook", "true")).build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("bug").props(Map.of("from_webhook", true)).build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("bug").props(Map.of("from_webhook", "false")).build()))
                    .hasSize(2);
        }

        @Test
        void systemMessages() {
            assertThat(driver.triggersOf(Posts.post("bug").type("system_join_channel").build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("bug").type("custom_poll").build())).hasSize(2);
        }

        @Test
        void editsAndDeletions() {
            assertThat(driver.triggersOf(Posts.post("bug").editAt(1_764_150_000_999L).build())).isEmpty();
            assertThat(driver.triggersOf(Posts.post("bug").deleteAt(1_764_150_000_999L).build())).isEmpty();
        }

        @Test
        void deletedHooks() {
            driver.tombstone(Hooks.id("a"));
            driver.config(Hooks.hook("c").channel(Posts.CHANNEL).deleteAt(1_700_000_000_100L).build());
            assertThat(driver.triggersOf(Posts.post("bug").build())).isEmpty();
            assertThat(driver.deadLetters()).isEmpty();
        }

        @Test
        void whenOutgoingWebhooksAreDisabled(@TempDir Path otherState) {
            try (MatcherDriver disabled = new MatcherDriver(otherState,
                    Map.of("hookline.enable-outgoing-webhooks", "false"))) {
                disabled.config(Hooks.hook("a").words("bug").build());
                assertThat(disabled.triggersOf(Posts.post("bug").build())).isEmpty();
            }
        }
    }

    @Nested
    class TheTrigger {
        @Test
        void isSelfContainedKeyedByHookAndChannelWithOneTriggerPerCallbackUrl() {
            OutgoingWebhook hook = Hooks.hook("a").words("bug").urls("http://127.0.0.1:1/a", "http://127.0.0.1:2/b")
                    .displayName("Bugs").username("bugbot").iconUrl("http://127.0.0.1/i.png").secret(Hooks.SECRET)
                    .contentType("application/x-www-form-urlencoded").build();
            driver.config(hook);
            PostEvent event = Posts.post("bug\tin login").files("f1", "f2").createAt(1_764_150_001_234L).build();
            driver.post(event);
            List<TestRecord<String, WebhookTrigger>> records = driver.triggers();
            assertThat(records).hasSize(2);
            assertThat(records).extracting(TestRecord::key).containsOnly(hook.id() + ":" + Posts.CHANNEL);
            WebhookTrigger trigger = records.get(0).value();
            assertThat(trigger).isEqualTo(new WebhookTrigger(
                    WebhookTrigger.deliveryIdOf(event.post().id(), hook.id(), "http://127.0.0.1:1/a"), hook.id(),
                    "http://127.0.0.1:1/a", "application/x-www-form-urlencoded", List.of(Hooks.SECRET), "Bugs",
                    hook.creatorId(), "bugbot", "http://127.0.0.1/i.png", "",
                    new WebhookPayload(Hooks.TOKEN, Posts.TEAM, "engineering", Posts.CHANNEL, "town-square",
                            1_764_150_001_234L, Posts.USER, "alice", event.post().id(), "bug\tin login", "bug",
                            "f1,f2"),
                    MatcherDriver.WALL_CLOCK.toEpochMilli()));
            assertThat(records.get(1).value().callbackUrl()).isEqualTo("http://127.0.0.1:2/b");
            assertThat(records.get(0).headers().toArray()).isEmpty();
        }

        @Test
        void aReplyFiresLikeARootPostAndCarriesTheThreadRoot() {
            driver.config(Hooks.hook("a").words("bug").build());
            String root = "rootrootrootrootrootroot12";
            List<WebhookTrigger> triggers = driver.triggersOf(Posts.post("bug again").rootId(root).build());
            assertThat(triggers).singleElement().satisfies(t -> {
                assertThat(t.rootId()).isEqualTo(root);
                assertThat(t.threadRootId()).isEqualTo(root);
            });
        }

        @Test
        void aConfigChangeAfterMatchingDoesNotChangeAnAcceptedTrigger() {
            driver.config(Hooks.hook("a").words("bug").displayName("before").build());
            driver.post(Posts.post("bug").build());
            driver.config(Hooks.hook("a").words("bug").displayName("after").build());
            assertThat(driver.triggers()).singleElement()
                    .satisfies(r -> assertThat(r.value().hookDisplayName()).isEqualTo("before"));
        }
    }

    @Nested
    class ConfigLifecycle {
        @Test
        void createUpdateAndDeleteTakeEffectForLaterPosts() {
            assertThat(driver.triggersOf(Posts.post("bug").build())).isEmpty();
            driver.config(Hooks.hook("a").displayName("v1").words("bug").build());
            assertThat(words(driver.triggersOf(Posts.post("bug").build()))).containsExactly("v1=bug");
            driver.config(Hooks.hook("a").displayName("v2").words("issue").build());
            assertThat(driver.triggersOf(Posts.post("bug").build())).isEmpty();
            assertThat(words(driver.triggersOf(Posts.post("issue").build()))).containsExactly("v2=issue");
            driver.tombstone(Hooks.id("a"));
            assertThat(driver.triggersOf(Posts.post("issue").build())).isEmpty();
            driver.config(Hooks.hook("a").displayName("v3").words("issue").build());
            assertThat(words(driver.triggersOf(Posts.post("issue").build()))).containsExactly("v3=issue");
            assertThat(driver.deadLetters()).isEmpty();
        }

        @Test
        void anInvalidUpdateIsDeadLetteredAndTakesTheHookOutUntilAValidOne() {
            driver.config(Hooks.hook("a").displayName("valid").words("bug").build());
            OutgoingWebhook invalid = Hooks.hook("a").displayName("invalid").words("bug").token("leaky-token")
                    .urls("ftp://127.0.0.1/x").build();
            RecordHeaders headers = new RecordHeaders();
            headers.add("origin", utf8("admin-tool"));
            byte[] bytes = io.hookline.schemas.serde.JsonSerde.of(OutgoingWebhook.class).toBytes(invalid);
            driver.configRecord(utf8(invalid.id()), bytes, headers);

            // fail closed: the latest record decides, as it will once compaction has removed the valid one
            assertThat(driver.triggersOf(Posts.post("bug").build())).isEmpty();
            List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
            assertThat(letters).hasSize(1);
            TestRecord<byte[], byte[]> letter = letters.get(0);
            assertThat(letter.key()).isEqualTo(utf8(invalid.id()));
            assertThat(letter.value()).isEqualTo(bytes);
            assertThat(letter.headers().lastHeader("origin").value()).isEqualTo(utf8("admin-tool"));
            DeadLetter dl = DeadLetter.from(letter.headers());
            assertThat(dl.stage()).isEqualTo("matcher");
            assertThat(dl.topic()).isEqualTo(driver.topics().webhookConfigs().name());
            assertThat(dl.partition()).isZero();
            assertThat(dl.offset()).isEqualTo(1);
            assertThat(dl.reason()).contains("token: must be exactly 26 bytes")
                    .contains("callback_urls: 'ftp://127.0.0.1/x' is not an http:// or https:// URL")
                    .doesNotContain("leaky-token");
        }

        @Test
        void aValidRecordAfterAnInvalidOneMakesTheHookLiveAgain() {
            driver.configRecord(utf8(Hooks.id("a")), "{not json".getBytes(StandardCharsets.UTF_8), null);
            assertThat(driver.triggersOf(Posts.post("bug").build())).isEmpty();
            driver.config(Hooks.hook("a").displayName("fixed").words("bug").build());
            assertThat(words(driver.triggersOf(Posts.post("bug").build()))).containsExactly("fixed=bug");
            assertThat(driver.deadLetters()).hasSize(1);
        }

        @Test
        void anInvalidCreateIsDeadLetteredAndNeverFires() {
            OutgoingWebhook noWords = Hooks.hook("n").build();
            driver.config(noWords);
            driver.configRecord(utf8(Hooks.id("m")), "{not json".getBytes(StandardCharsets.UTF_8), null);
            OutgoingWebhook wrongKey = Hooks.hook("k").words("bug").build();
            driver.configRecord(utf8(Hooks.id("other")),
                    io.hookline.schemas.serde.JsonSerde.of(OutgoingWebhook.class).toBytes(wrongKey), null);
            assertThat(driver.triggersOf(Posts.post("bug").build())).isEmpty();
            assertThat(driver.deadLetters()).extracting(r -> DeadLetter.from(r.headers()).reason()).containsExactly(
                    "invalid hook " + noWords.id()
                            + ": trigger_words: at least one trigger word is required when channel_id is empty",
                    "not a valid OutgoingWebhook JSON document: malformed JSON at line 1, column 2",
                    "the record key '" + Hooks.id("other") + "' differs from the hook id '" + wrongKey.id()
                            + "'; the key must be the hook id");
        }
    }

    @Nested
    class MalformedPosts {
        @BeforeEach
        void hook() {
            driver.config(Hooks.hook("a").words("bug").build());
        }

        private DeadLetter onlyDeadLetter(byte[] key, byte[] value) {
            List<TestRecord<byte[], byte[]>> letters = driver.deadLetters();
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).key()).isEqualTo(key);
            assertThat(letters.get(0).value()).isEqualTo(value);
            DeadLetter letter = DeadLetter.from(letters.get(0).headers());
            assertThat(letter.stage()).isEqualTo("matcher");
            assertThat(letter.topic()).isEqualTo(driver.topics().posts().name());
            assertThat(letter.partition()).isZero();
            return letter;
        }

        private void streamStillRuns() {
            assertThat(driver.triggersOf(Posts.post("bug").build())).hasSize(1);
        }

        @Test
        void badJsonGoesToDeadLettersWithItsBytesAndTheStreamGoesOn() {
            byte[] key = utf8(Posts.CHANNEL);
            byte[] value = "{\"post\": {\"id\": ".getBytes(StandardCharsets.UTF_8);
            driver.postRecord(key, value, null);
            assertThat(onlyDeadLetter(key, value).reason()).startsWith("not a valid PostEvent JSON document");
            streamStillRuns();
        }

        @Test
        void wrongTypesGoToDeadLetters() {
            byte[] key = utf8(Posts.CHANNEL);
            byte[] value = ("{\"post\": {\"id\": \"p\", \"channel_id\": \"c\", \"create_at\": \"yesterday\"}, "
                    + "\"channel\": {}, \"team\": {}, \"user\": {}}").getBytes(StandardCharsets.UTF_8);
            driver.postRecord(key, value, null);
            assertThat(onlyDeadLetter(key, value).reason()).contains("create_at");
            streamStillRuns();
        }

        @Test
        void eventsWithProblemsGoToDeadLetters() {
            byte[] key = utf8(Posts.CHANNEL);
            byte[] value = ("{\"post\": {\"id\": \"p\", \"channel_id\": \"c\", \"message\": \"bug\"}, "
                    + "\"team\": {}, \"user\": {}}").getBytes(StandardCharsets.UTF_8);
            driver.postRecord(key, value, null);
            assertThat(onlyDeadLetter(key, value).reason()).isEqualTo("unusable post event: channel is missing");
            streamStillRuns();
        }

        @Test
        void tombstonesAndKeylessGarbageGoToDeadLetters() {
            driver.postRecord(utf8(Posts.CHANNEL), null, null);
            assertThat(onlyDeadLetter(utf8(Posts.CHANNEL), null).reason()).contains("no value");
            byte[] garbage = {(byte) 0xC3, (byte) 0x28, 0x00};
            driver.postRecord(null, garbage, null);
            assertThat(onlyDeadLetter(null, garbage).offset()).isEqualTo(1);
            streamStillRuns();
        }
    }

    @Test
    void everyNodeAndStoreIsExplicitlyNamed() {
        String topology = MatcherTopology.build(new org.apache.kafka.streams.StreamsBuilder(),
                io.hookline.runtime.config.HooklineConfig.of(Map.of()), driver.topics()).describe().toString();
        assertThat(topology).contains(MatcherTopology.HOOK_STORE, MatcherTopology.HOOK_SOURCE,
                MatcherTopology.HOOK_TABLE_UPDATER, MatcherTopology.POSTS_SOURCE, MatcherTopology.POST_MATCHER,
                MatcherTopology.TRIGGERS_SINK, MatcherTopology.DEAD_LETTERS_SINK)
                .doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }
}
