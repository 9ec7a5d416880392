package io.hookline.cli.console.playground;

import io.hookline.cli.console.EventSink;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the playground's {@link ChannelModel} current: one thread reads {@code posts} and {@code post-commands} from
 * their beginning and on, without a consumer group (it never disturbs the services), and hands each open channel
 * view the events it may see. A view gets the channel's posts first, then every change, with nothing lost between
 * the two. Unreadable records are passed over (the services dead-letter them).
 */
final class PlaygroundFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ChannelModel model = new ChannelModel();
    private final List<View> views = new ArrayList<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topic<String, PostEvent> posts;
    private final Topic<String, PostCommand> commands;
    private final Thread thread;
    private volatile boolean running = true;

    private record View(String channelId, String userId, EventSink sink) {
    }

    PlaygroundFeed(KafkaClients clients, Topics topics) {
        this.consumer = clients.rawConsumer();
        this.posts = topics.posts();
        this.commands = topics.postCommands();
        this.thread = new Thread(this::run, "hookline-console-playground");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens a channel view: the channel's posts as {@code user} sees them, then each change. */
    void open(String channelId, String userId, EventSink sink) {
        View view = new View(channelId, userId, sink);
        synchronized (this) {
            sink.send("snapshot", Map.of("posts", model.snapshot(channelId, userId)));
            views.add(view);
        }
        sink.onClose(() -> {
            synchronized (this) {
                views.remove(view);
            }
        });
    }

    /** Reads (or records something in) the model, serialised with the feed. */
    synchronized <T> T withModel(Function<ChannelModel, T> action) {
        return action.apply(model);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    apply(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("the playground stopped reading posts and post-commands: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Both topics' partitions, once they exist (the console may start before the services create them). */
    private List<TopicPartition> partitions() {
        while (running) {
            List<TopicPartition> all = new ArrayList<>();
            try {
                Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(10));
                for (String topic : List.of(posts.name(), commands.name())) {
                    for (PartitionInfo p : topics.getOrDefault(topic, List.of())) {
                        all.add(new TopicPartition(p.topic(), p.partition()));
                    }
                }
                if (all.stream().map(TopicPartition::topic).distinct().count() == 2) {
                    return all;
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                // the broker is not reachable yet: ask again
                LOG.debug("playground: waiting for the broker: {}", e.toString());
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) {
        List<ViewEvent> events;
        try {
            if (r.topic().equals(posts.name())) {
                PostEvent e = posts.valueSerde().deserializer().deserialize(r.topic(), r.value());
                synchronized (this) {
                    events = e == null ? List.of() : model.apply(e);
                    deliver(events);
                }
            } else {
                PostCommand c = commands.valueSerde().deserializer().deserialize(r.topic(), r.value());
                synchronized (this) {
                    events = model.apply(c, r.timestamp());
                    deliver(events);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("playground: passed over {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
        }
    }

    private void deliver(List<ViewEvent> events) {
        for (ViewEvent e : events) {
            for (View v : List.copyOf(views)) {
                if (e.isFor(v.channelId(), v.userId())) {
                    v.sink().send(e.name(), e.data());
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
