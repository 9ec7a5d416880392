package io.hookline.runtime.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.access.AccessCheck.Resource;
import io.hookline.runtime.config.HooklineConfig;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AccessMatrixTest {

    private final HooklineConfig config = HooklineConfig.of(Map.of("hookline.application-id-prefix", "hl",
            "hookline.topic.webhook-triggers", "prod-triggers"));

    @Test
    void secretsAreReadableOnlyByTheRolesThatUseThem() {
        assertThat(readers("integration-secrets")).containsExactlyInAnyOrder(Role.DISPATCHER, Role.INGESTOR,
                Role.INTEGRATION_API);
        assertThat(readers("webhook-configs")).containsExactlyInAnyOrder(Role.MATCHER, Role.DISPATCHER);
    }

    @Test
    void eachTopicHasTheWritersThePipelineNeeds() {
        assertThat(writers("posts")).containsExactly(Role.CHAT_SERVER);
        assertThat(writers("prod-triggers")).containsExactly(Role.MATCHER);
        assertThat(writers("webhook-responses")).containsExactly(Role.DISPATCHER);
        assertThat(writers("post-commands")).containsExactlyInAnyOrder(Role.INGESTOR, Role.INTEGRATION_API);
        assertThat(readers("interactions")).containsExactly(Role.DISPATCHER);
    }

    @Test
    void streamsApplicationsOwnTheirPrefix() {
        assertThat(AccessMatrix.grants(Role.INGESTOR, config)).contains(
                new Grant(AclOperation.READ, ResourceType.GROUP, "hl-ingestor", PatternType.PREFIXED),
                new Grant(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "hl-ingestor", PatternType.PREFIXED),
                new Grant(AclOperation.ALL, ResourceType.TOPIC, "hl-ingestor", PatternType.PREFIXED));
        assertThat(AccessMatrix.grants(Role.DISPATCHER, config)).contains(
                new Grant(AclOperation.READ, ResourceType.GROUP, "hl-dispatcher", PatternType.PREFIXED));
    }

    @Test
    void theCheckNamesWhatIsMissingAndIgnoresWhatItCouldNotAsk() {
        List<Grant> grants = List.of(Grant.topic(AclOperation.READ, "prod-triggers"),
                Grant.topic(AclOperation.WRITE, "webhook-responses"), Grant.topic(AclOperation.READ, "not-yet"));
        Map<Resource, Set<AclOperation>> authorized = Map.of(
                new Resource(ResourceType.TOPIC, "prod-triggers"), EnumSet.of(AclOperation.DESCRIBE),
                new Resource(ResourceType.TOPIC, "webhook-responses"), EnumSet.of(AclOperation.WRITE));

        List<Grant> missing = AccessCheck.missingFrom(grants, authorized);

        assertThat(missing).containsExactly(Grant.topic(AclOperation.READ, "prod-triggers"));
        assertThat(AccessCheck.message("dispatcher", "User:dispatcher", missing))
                .startsWith("dispatcher cannot run: principal User:dispatcher lacks READ on topic prod-triggers");
    }

    @Test
    void describesPrefixedGrants() {
        assertThat(new Grant(AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, "hl-matcher", PatternType.PREFIXED)
                .describe()).isEqualTo("WRITE on transactional ids starting with hl-matcher");
    }

    @Test
    void namesThePrincipalFromTheSaslSettings() {
        assertThat(AccessCheck.principalOf(Map.of("sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"dispatcher\" "
                        + "password=\"s3cret\";"))).isEqualTo("User:dispatcher");
        assertThat(AccessCheck.principalOf(Map.of())).isEqualTo("User:ANONYMOUS");
    }

    private List<Role> readers(String topic) {
        return holders(topic, AclOperation.READ);
    }

    private List<Role> writers(String topic) {
        return holders(topic, AclOperation.WRITE);
    }

    private List<Role> holders(String topic, AclOperation op) {
        return Arrays.stream(Role.values()).filter(r -> AccessMatrix.grants(r, config).stream().anyMatch(g ->
                g.resourceType() == ResourceType.TOPIC && g.name().equals(topic) && g.operation() == op)).toList();
    }
}
