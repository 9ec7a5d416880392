package io.hookline.cli.kafka;

import io.hookline.cli.CliFailure;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every partition of one topic with a group-less consumer, either up to the end offsets seen when reading
 * starts (a snapshot), or on and on (follow). Position and end are per partition, so "the end" is exact even while
 * producers keep writing.
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final List<TopicPartition> partitions;
    private final PrintWriter progressNotes;

    /** A reader that reports no progress. @throws CliFailure when the topic does not exist */
    public TopicReader(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        this(consumer, topic, null);
    }

    /**
     * A reader whose {@link #readToEnd} reports its {@link Progress} on {@code progressNotes} (stderr) when it takes
     * long; null: never.
     *
     * @throws CliFailure when the topic does not exist
     */
    public TopicReader(KafkaConsumer<byte[], byte[]> consumer, String topic, PrintWriter progressNotes) {
        this.consumer = consumer;
        this.topic = topic;
        this.partitions = partitionsOf(consumer, topic);
        this.progressNotes = progressNotes;
        consumer.assign(partitions);
    }

    public void seekToBeginning() {
        consumer.seekToBeginning(partitions);
    }

    public void seekToEnd() {
        consumer.seekToEnd(partitions);
    }

    /**
     * Hands {@code sink} every record from the current positions up to the end offsets as of now, then returns.
     * Stops early (returning false) when {@code sink} asks to by {@code wantsMore} turning false.
     */
    public boolean readToEnd(Consumer<ConsumerRecord<byte[], byte[]>> sink, BooleanSupplier wantsMore) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        // Progress counts offsets, not records: compaction and transaction markers leave gaps only offsets show.
        Map<TopicPartition, Long> reached = new HashMap<>();
        long toRead = 0;
        for (TopicPartition tp : partitions) {
            long position = consumer.position(tp);
            reached.put(tp, position);
            toRead += Math.max(0, end.get(tp) - position);
        }
        long total = toRead;
        AtomicLong records = new AtomicLong();
        AtomicLong offsets = new AtomicLong();
        try (Progress progress = progressNotes == null ? Progress.none() : Progress.start(progressNotes,
                () -> "reading " + topic + ": " + records.get() + " records so far, offsets "
                        + Progress.ofTotal(offsets.get(), total))) {
            while (!reached(end)) {
                Unhanded unhanded = new Unhanded();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    // Records past the snapshot's end in this partition belong to a later read.
                    boolean inSnapshot = r.offset() < end.get(tp);
                    if (inSnapshot && !unhanded.stopped() && !wantsMore.getAsBoolean()) {
                        unhanded.stop();
                    }
                    if (!inSnapshot || unhanded.stopped()) {
                        unhanded.add(r);
                        continue;
                    }
                    sink.accept(r);
                    records.incrementAndGet();
                    offsets.addAndGet(r.offset() + 1 - reached.put(tp, r.offset() + 1));
                }
                unhanded.rewind(consumer);
                if (unhanded.stopped()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Hands {@code sink} each record as it arrives until {@code wantsMore} turns false or the thread is interrupted. */
    public void follow(Consumer<ConsumerRecord<byte[], byte[]>> sink, BooleanSupplier wantsMore) {
        while (wantsMore.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            Unhanded unhanded = new Unhanded();
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (!unhanded.stopped() && !wantsMore.getAsBoolean()) {
                    unhanded.stop();
                }
                if (unhanded.stopped()) {
                    unhanded.add(r);
                } else {
                    sink.accept(r);
                }
            }
            unhanded.rewind(consumer);
        }
    }

    /**
     * The records of one poll that were not handed out (the reader stopped, or they lie past a snapshot's end). The
     * consumer's position is already past them, so each partition is sought back to its first one: the next read
     * starts with them instead of losing them.
     */
    private static final class Unhanded {
        private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        private boolean stopped;

        void add(ConsumerRecord<?, ?> r) {
            firstOffsets.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset());
        }

        /** The reader stopped: every later record of the poll stays unhanded. */
        void stop() {
            stopped = true;
        }

        boolean stopped() {
            return stopped;
        }

        void rewind(KafkaConsumer<?, ?> consumer) {
            firstOffsets.forEach(consumer::seek);
        }
    }

    /** Interrupts a blocked {@link #follow} from another thread (Ctrl-C). */
    public void wakeup() {
        consumer.wakeup();
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (TopicPartition tp : partitions) {
            // position() may seek; records between a transaction's last record and its marker never arrive, so
            // the position, not the last record seen, tells when the end is reached.
            if (consumer.position(tp) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        Collection<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new CliFailure("topic '" + topic + "' does not exist (run `hookline up` or a "
                    + "service once to create Hookline's topics)");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
