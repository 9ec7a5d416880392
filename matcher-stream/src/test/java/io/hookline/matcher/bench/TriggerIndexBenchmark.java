package io.hookline.matcher.bench;

import io.hookline.matcher.index.HookMatch;
import io.hookline.matcher.index.TriggerIndex;
import io.hookline.matcher.rule.PostMatcher;
import io.hookline.schemas.post.PostEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Cost of matching one post (first word + index lookups) with 10 and with 10,000 hooks over 1,000 teams, 10 % of
 * the posts matching. Run by hand (see the README), not by surefire.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TriggerIndexBenchmark {

    @Param({"10", "10000"})
    public int hooks;

    private PostMatcher matcher;
    private PostEvent[] posts;
    private int next;

    @Setup
    public void setUp() {
        TriggerIndex index = new TriggerIndex();
        BenchData.hooks(hooks).forEach(index::put);
        matcher = new PostMatcher(index, true);
        posts = BenchData.posts(4096, hooks, 0.10, 42).toArray(PostEvent[]::new);
        long matching = java.util.Arrays.stream(posts).filter(p -> !matcher.matches(p).isEmpty()).count();
        if (matching < posts.length * 0.08 || matching > posts.length * 0.12) {
            throw new IllegalStateException("expected about 10 % matching posts, got " + matching);
        }
    }

    @Benchmark
    public List<HookMatch> matchOnePost() {
        PostEvent post = posts[next];
        next = (next + 1) & (posts.length - 1);
        return matcher.matches(post);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(TriggerIndexBenchmark.class.getSimpleName()).build()).run();
    }
}
