package io.hookline.runtime.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Asks the cluster, at start, which of a role's {@link Grant}s its principal lacks, so that a missing ACL stops the
 * process with a message naming it rather than a bare authorization error from deep inside a client later. Checks
 * what can be asked before use (topics, and the consumer groups by their own names); transactional ids and the
 * prefixed internal topics of Streams only exist once used, so their errors come from the clients.
 */
public final class AccessCheck {

    private static final Pattern JAAS_USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

    private final Admin admin;

    public AccessCheck(Admin admin) {
        this.admin = admin;
    }

    /**
     * @param who       the process's role, for the message ({@code dispatcher})
     * @param principal the principal the message names ({@link #principalOf})
     * @throws IllegalStateException naming the principal and every missing permission
     */
    public void require(List<Grant> grants, String who, String principal) {
        List<Grant> missing = missingFrom(grants, authorized(grants));
        if (!missing.isEmpty()) {
            throw new IllegalStateException(message(who, principal, missing));
        }
    }

    static String message(String who, String principal, List<Grant> missing) {
        return who + " cannot run: principal " + principal + " lacks "
                + String.join(", ", missing.stream().map(Grant::describe).toList())
                + " (the README's \"Running against your cluster\" lists the ACLs each Hookline process needs)";
    }

    /**
     * The grants whose resource the cluster described and whose operation is not among the principal's authorized
     * ones; resources missing from {@code authorized} (not created yet, or not checkable) are left out.
     */
    static List<Grant> missingFrom(List<Grant> grants, Map<Resource, Set<AclOperation>> authorized) {
        List<Grant> missing = new ArrayList<>();
        for (Grant g : grants) {
            Set<AclOperation> ops = authorized.get(Resource.of(g));
            if (ops != null && !ops.contains(g.operation()) && !ops.contains(AclOperation.ALL)) {
                missing.add(g);
            }
        }
        return missing;
    }

    /** What the principal may do on each checkable resource; an empty set where it may not even describe it. */
    private Map<Resource, Set<AclOperation>> authorized(List<Grant> grants) {
        Set<String> topics = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (Grant g : grants) {
            if (g.resourceType() == ResourceType.TOPIC && g.patternType() == PatternType.LITERAL) {
                topics.add(g.name());
            } else if (g.resourceType() == ResourceType.GROUP) {
                groups.add(g.name());
            }
        }
        Map<Resource, Set<AclOperation>> result = new HashMap<>();
        if (!topics.isEmpty()) {
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics,
                    new DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
            described.forEach((name, future) -> outcome(future, TopicAuthorizationException.class)
                    .ifPresent(d -> result.put(new Resource(ResourceType.TOPIC, name), d.map(
                            TopicDescription::authorizedOperations).orElse(Set.of()))));
        }
        if (!groups.isEmpty()) {
            Map<String, KafkaFuture<ConsumerGroupDescription>> described = admin.describeConsumerGroups(groups,
                    new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true)).describedGroups();
            described.forEach((name, future) -> outcome(future, GroupAuthorizationException.class)
                    .ifPresent(d -> result.put(new Resource(ResourceType.GROUP, name), d.map(
                            ConsumerGroupDescription::authorizedOperations).orElse(Set.of()))));
        }
        // a broker that does not report authorized operations (null) cannot be checked this way
        result.values().removeIf(ops -> ops == null);
        result.replaceAll((r, ops) -> ops.isEmpty() ? Set.of() : EnumSet.copyOf(ops));
        return result;
    }

    /**
     * The description (present), a refusal (present and empty), or nothing when the resource cannot be checked (it
     * does not exist yet, the broker is too old, it did not answer in time).
     */
    private static <T> Optional<Optional<T>> outcome(KafkaFuture<T> future, Class<? extends Exception> refusal) {
        try {
            return Optional.of(Optional.ofNullable(future.get(30, TimeUnit.SECONDS)));
        } catch (ExecutionException e) {
            return refusal.isInstance(e.getCause()) ? Optional.of(Optional.empty()) : Optional.empty();
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking permissions", e);
        }
    }

    /** {@code User:NAME} from the SASL JAAS settings of {@code kafkaProperties}; else what Kafka would call it. */
    public static String principalOf(Map<String, Object> kafkaProperties) {
        Object jaas = kafkaProperties.get(SaslConfigs.SASL_JAAS_CONFIG);
        if (jaas != null) {
            Matcher m = JAAS_USERNAME.matcher(jaas.toString());
            if (m.find()) {
                return "User:" + m.group(1);
            }
        }
        Object protocol = kafkaProperties.getOrDefault("security.protocol", "PLAINTEXT");
        return String.valueOf(protocol).startsWith("SASL") ? "(this process's SASL user)"
                : String.valueOf(protocol).equals("SSL") ? "(this process's certificate)" : "User:ANONYMOUS";
    }

    /** A resource as the check knows it: a topic or a group by its full name. */
    record Resource(ResourceType type, String name) {

        static Resource of(Grant g) {
            return new Resource(g.resourceType(), g.name());
        }
    }
}
