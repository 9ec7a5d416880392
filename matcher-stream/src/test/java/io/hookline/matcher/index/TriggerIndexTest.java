package io.hookline.matcher.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.matcher.testing.Hooks;
import io.hookline.matcher.testing.Posts;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerIndexTest {

    private static final String TEAM = Posts.TEAM;
    private static final String CHANNEL = Posts.CHANNEL;

    private final TriggerIndex index = new TriggerIndex();

    private List<String> words(String team, String channel, String firstWord) {
        return index.match(team, channel, firstWord).stream()
                .map(m -> m.hook().displayName() + "=" + m.triggerWord()).toList();
    }

    @Test
    void exactWordsMatchOnlyTheWholeWordCaseSensitively() {
        index.put(Hooks.hook("a").displayName("a").words("bug", "issue").build());
        assertThat(words(TEAM, CHANNEL, "bug")).containsExactly("a=bug");
        assertThat(words(TEAM, CHANNEL, "issue")).containsExactly("a=issue");
        assertThat(words(TEAM, CHANNEL, "bugs")).isEmpty();
        assertThat(words(TEAM, CHANNEL, "Bug")).isEmpty();
        assertThat(words(TEAM, CHANNEL, "")).isEmpty();
    }

    @Test
    void startsWithGivesTheFirstMatchingWordOfTheHooksOwnList() {
        index.put(Hooks.hook("a").displayName("a").words("bugfix", "bu", "bug").when(1).build());
        index.put(Hooks.hook("b").displayName("b").words("bug", "b").when(1).build());
        assertThat(words(TEAM, CHANNEL, "bugfix-123")).containsExactlyInAnyOrder("a=bugfix", "b=bug");
        assertThat(words(TEAM, CHANNEL, "bugs")).containsExactlyInAnyOrder("a=bu", "b=bug");
        assertThat(words(TEAM, CHANNEL, "bx")).containsExactly("b=b");
        assertThat(words(TEAM, CHANNEL, "Bugs")).isEmpty();
    }

    @Test
    void channelOnlyHooksFireForEveryPostOfTheirChannelWithAnEmptyWord() {
        index.put(Hooks.hook("c").displayName("c").channel(CHANNEL).build());
        assertThat(words(TEAM, CHANNEL, "")).containsExactly("c=");
        assertThat(words(TEAM, CHANNEL, "anything")).containsExactly("c=");
        assertThat(words(TEAM, Posts.OTHER_CHANNEL, "anything")).isEmpty();
    }

    @Test
    void aNegativeTriggerWhenMatchesNoWordButAChannelHookWithoutWordsStillFires() {
        index.put(Hooks.hook("n").displayName("n").words("bug").when(-1).build());
        index.put(Hooks.hook("m").displayName("m").channel(CHANNEL).words("bug").when(-1).build());
        index.put(Hooks.hook("c").displayName("c").channel(CHANNEL).when(-1).build());
        assertThat(words(TEAM, CHANNEL, "bug")).containsExactly("c=");
        assertThat(words(TEAM, CHANNEL, "")).containsExactly("c=");
    }

    @Test
    void channelAndWordsMustBothHold() {
        index.put(Hooks.hook("d").displayName("d").channel(CHANNEL).words("deploy").build());
        assertThat(words(TEAM, CHANNEL, "deploy")).containsExactly("d=deploy");
        assertThat(words(TEAM, Posts.OTHER_CHANNEL, "deploy")).isEmpty();
        assertThat(words(TEAM, CHANNEL, "other")).isEmpty();
    }

    @Test
    void hooksOnlyFireInTheirOwnTeam() {
        index.put(Hooks.hook("a").displayName("a").words("bug").build());
        assertThat(words(Posts.OTHER_TEAM, CHANNEL, "bug")).isEmpty();
    }

    @Test
    void anUpdateReplacesTheOldVersionEverywhere() {
        index.put(Hooks.hook("a").displayName("a").words("bug").build());
        index.put(Hooks.hook("a").displayName("a2").words("issue").when(1).build());
        assertThat(words(TEAM, CHANNEL, "bug")).isEmpty();
        assertThat(words(TEAM, CHANNEL, "issues")).containsExactly("a2=issue");
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aHookMovedToAnotherTeamLeavesTheOldOne() {
        index.put(Hooks.hook("a").displayName("a").words("bug").build());
        index.put(Hooks.hook("a").displayName("a").team(Posts.OTHER_TEAM).words("bug").build());
        assertThat(words(TEAM, CHANNEL, "bug")).isEmpty();
        assertThat(words(Posts.OTHER_TEAM, CHANNEL, "bug")).containsExactly("a=bug");
    }

    @Test
    void removedAndDeletedHooksNoLongerFire() {
        index.put(Hooks.hook("a").displayName("a").words("bug").build());
        index.put(Hooks.hook("b").displayName("b").words("bug").build());
        index.remove(Hooks.id("a"));
        index.put(Hooks.hook("b").displayName("b").words("bug").deleteAt(5).build());
        assertThat(words(TEAM, CHANNEL, "bug")).isEmpty();
        assertThat(index.size()).isZero();
        index.remove(Hooks.id("never-there"));
    }

    @Test
    void replaceAllInstallsExactlyTheGivenTable() {
        index.put(Hooks.hook("old").displayName("old").team(Posts.OTHER_TEAM).words("bug").build());
        OutgoingWebhook a = Hooks.hook("a").displayName("a").words("bug").build();
        OutgoingWebhook deleted = Hooks.hook("z").displayName("z").words("bug").deleteAt(9).build();
        index.replaceAll(List.of(a, deleted));
        assertThat(words(TEAM, CHANNEL, "bug")).containsExactly("a=bug");
        assertThat(words(Posts.OTHER_TEAM, CHANNEL, "bug")).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void severalHooksMatchInHookIdOrderEachWithItsOwnWord() {
        index.put(Hooks.hook("x").displayName("x").words("bug").build());
        index.put(Hooks.hook("y").displayName("y").words("b").when(1).build());
        index.put(Hooks.hook("w").displayName("w").channel(CHANNEL).build());
        List<HookMatch> matches = index.match(TEAM, CHANNEL, "bug");
        assertThat(matches).extracting(m -> m.hook().id()).isSorted().hasSize(3);
        assertThat(words(TEAM, CHANNEL, "bug")).containsExactlyInAnyOrder("x=bug", "y=b", "w=");
    }

    @Test
    void aWordListedTwiceFiresOnce() {
        index.put(Hooks.hook("a").displayName("a").words("bug", "bug").build());
        index.put(Hooks.hook("b").displayName("b").words("bu", "bu").when(1).build());
        assertThat(words(TEAM, CHANNEL, "bug")).containsExactlyInAnyOrder("a=bug", "b=bu");
    }

    @Test
    void manyHooksInOneTeamStillMatchExactlyTheRightOnes() {
        for (int i = 0; i < 5000; i++) {
            index.put(Hooks.hook("h" + i).displayName("h" + i).words("word" + i).when(i % 2).build());
        }
        assertThat(words(TEAM, CHANNEL, "word4242")).containsExactly("h4242=word4242");
        assertThat(words(TEAM, CHANNEL, "word4243-suffix")).containsExactly("h4243=word4243");
        assertThat(words(TEAM, CHANNEL, "word42")).containsExactly("h42=word42");
    }

    @Test
    void concurrentReadersSeeEitherTheOldOrTheNewVersionOfAHookNeverAMix() throws Exception {
        OutgoingWebhook onX = Hooks.hook("a").displayName("x").words("x").build();
        OutgoingWebhook onY = Hooks.hook("a").displayName("y").words("y").when(1).build();
        index.put(onX);
        java.util.concurrent.atomic.AtomicReference<String> wrong = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                for (HookMatch m : index.match(TEAM, CHANNEL, "xylophone")) {
                    wrong.set("prefix x matched " + m.hook().displayName());
                }
                for (HookMatch m : index.match(TEAM, CHANNEL, "x")) {
                    if (!m.hook().displayName().equals("x") || !m.triggerWord().equals("x")) {
                        wrong.set("x matched " + m);
                    }
                }
                for (HookMatch m : index.match(TEAM, CHANNEL, "yes")) {
                    if (!m.hook().displayName().equals("y") || !m.triggerWord().equals("y")) {
                        wrong.set("yes matched " + m);
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < 20_000; i++) {
            index.put(i % 2 == 0 ? onY : onX);
        }
        done.set(true);
        reader.join();
        assertThat(wrong.get()).isNull();
    }
}
