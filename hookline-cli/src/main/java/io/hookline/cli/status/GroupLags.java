package io.hookline.cli.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The lag of the services' consumer groups ({@code <hookline.application-id-prefix>-...}), for {@code status} and the
 * console's Pipeline page.
 */
public final class GroupLags {

    private final Admin admin;
    private final long timeoutSeconds;

    public GroupLags(Admin admin, long timeoutSeconds) {
        this.admin = admin;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The groups whose id starts with {@code prefix}, sorted by id. */
    public List<GroupListing> groups(String prefix) throws Exception {
        return admin.listGroups().all().get(timeoutSeconds, TimeUnit.SECONDS).stream()
                .filter(g -> g.groupId().startsWith(prefix))
                .sorted(Comparator.comparing(GroupListing::groupId)).toList();
    }

    /** The lag of every group of {@code prefix}; {@code step} hears which group is being gathered. */
    public List<GroupLag> of(String prefix, Consumer<String> step) throws Exception {
        List<GroupListing> groups = groups(prefix);
        List<GroupLag> lags = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            GroupListing g = groups.get(i);
            step.accept("gathering the lag of consumer group " + (i + 1) + " of " + groups.size() + " ("
                    + g.groupId() + ")");
            lags.add(lagOf(g));
        }
        return lags;
    }

    public GroupLag lagOf(GroupListing g) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                .partitionsToOffsetAndMetadata().get(timeoutSeconds, TimeUnit.SECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        committed.forEach((tp, om) -> {
            if (om != null) {
                offsets.put(tp, om.offset());
            }
        });
        Map<TopicPartition, Long> ends = endOffsets(new ArrayList<>(offsets.keySet()));
        String state = g.groupState().map(Object::toString).orElse("?");
        return GroupLag.of(g.groupId(), state, offsets, ends);
    }

    /** The end offset of each of {@code partitions}. */
    public Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> infos = specs.isEmpty() ? Map.of()
                : admin.listOffsets(specs).all().get(timeoutSeconds, TimeUnit.SECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        infos.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
