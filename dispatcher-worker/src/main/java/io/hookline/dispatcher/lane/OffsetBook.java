package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.flow.PartitionProgress;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of every partition a lane's consumer owns, and its commits: only offsets below which every record
 * has a durable result. Used only from the lane's poll thread (the progress objects themselves are thread-safe).
 */
final class OffsetBook implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetBook.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, PartitionProgress> partitions = new ConcurrentHashMap<>();
    private final Consumer<Collection<TopicPartition>> onRemoved;
    private long lastCommitNanos;

    OffsetBook(KafkaConsumer<byte[], byte[]> consumer, Consumer<Collection<TopicPartition>> onRemoved) {
        this.consumer = consumer;
        this.onRemoved = onRemoved;
    }

    PartitionProgress progress(TopicPartition tp) {
        return partitions.computeIfAbsent(tp, p -> new PartitionProgress());
    }

    /** Commits what moved since the last acknowledged commit, at most every 200 ms, without blocking. */
    void commitAsyncThrottled() {
        long now = System.nanoTime();
        if (now - lastCommitNanos < 200_000_000L) {
            return;
        }
        lastCommitNanos = now;
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(partitions.keySet());
        if (!offsets.isEmpty()) {
            // marked committed only once acknowledged, so a failed commit is simply sent again next time
            consumer.commitAsync(offsets, (done, e) -> {
                if (e != null) {
                    LOG.warn("offset commit failed (it is sent again): {}", e.toString());
                } else {
                    markCommitted(done);
                }
            });
        }
    }

    void commitSync(Collection<TopicPartition> which) {
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(which);
        if (!offsets.isEmpty()) {
            try {
                try {
                    consumer.commitSync(offsets);
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    // a stop() wakeup meant for poll() landed here: the commit is still wanted
                    consumer.commitSync(offsets);
                }
                markCommitted(offsets);
            } catch (RuntimeException e) {
                LOG.warn("offset commit failed; records after the last commit will be delivered again: {}",
                        e.toString());
            }
        }
    }

    void commitAllSync() {
        commitSync(partitions.keySet());
    }

    private Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> which) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : which) {
            PartitionProgress p = partitions.get(tp);
            if (p == null) {
                continue;
            }
            OptionalLong c = p.committable();
            if (c.isPresent()) {
                offsets.put(tp, new OffsetAndMetadata(c.getAsLong()));
            }
        }
        return offsets;
    }

    private void markCommitted(Map<TopicPartition, OffsetAndMetadata> done) {
        done.forEach((tp, om) -> {
            PartitionProgress p = partitions.get(tp);
            if (p != null) {
                p.committed(om.offset());
            }
        });
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        commitSync(revoked);
        remove(revoked);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        remove(lost);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        assigned.forEach(this::progress);
    }

    private void remove(Collection<TopicPartition> gone) {
        for (TopicPartition tp : gone) {
            PartitionProgress p = partitions.remove(tp);
            if (p != null) {
                p.revoke();
            }
        }
        onRemoved.accept(gone);
    }
}
