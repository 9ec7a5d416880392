package io.hookline.dispatcher.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    @Test
    void commitsOnlyBelowTheLowestUnfinishedOffset() {
        PartitionProgress p = new PartitionProgress();
        assertThat(p.committable()).isEmpty();
        p.track(10);
        p.track(11);
        p.track(12);
        assertThat(p.committable()).hasValue(10);
        p.committed(10);
        p.complete(11);
        p.complete(12);
        assertThat(p.committable()).isEmpty();
        p.complete(10);
        assertThat(p.committable()).hasValue(13);
        p.committed(13);
        assertThat(p.committable()).isEmpty();
    }

    @Property
    void neverCommitsPastAnUnfinishedRecord(@ForAll @IntRange(min = 1, max = 200) int n, @ForAll long seed) {
        PartitionProgress p = new PartitionProgress();
        for (int i = 0; i < n; i++) {
            p.track(i);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        boolean[] done = new boolean[n];
        for (int offset : order) {
            p.complete(offset);
            done[offset] = true;
            var c = p.committable();
            if (c.isPresent()) {
                for (int i = 0; i < c.getAsLong(); i++) {
                    assertThat(done[i]).isTrue();
                }
                p.committed(c.getAsLong());
            }
        }
        assertThat(p.pendingCount()).isZero();
    }

    @Test
    void aRewoundRecordIsNoLongerInWorkAndNothingFromItIsCommitted() {
        PartitionProgress p = new PartitionProgress();
        for (long o = 20; o < 25; o++) {
            p.track(o);
        }
        p.rewind(22); // 22, 23, 24 given back unread: the partition is read again from 22
        assertThat(p.pendingCount()).isEqualTo(2);
        p.complete(20);
        p.complete(21);
        assertThat(p.committable()).hasValue(22);
        p.committed(22);
        p.track(22); // read again
        assertThat(p.committable()).isEmpty();
        p.complete(22);
        assertThat(p.committable()).hasValue(23);
    }
}
