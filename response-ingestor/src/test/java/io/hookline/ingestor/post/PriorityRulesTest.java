package io.hookline.ingestor.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.ingestor.response.WebhookResponse.Priority;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriorityRulesTest {

    private final PriorityRules rules = new PriorityRules();

    @Test
    void noPriorityGivesNoMetadata() {
        assertThat(rules.decide(null, true)).isEqualTo(new PriorityRules.Decision(null, null));
    }

    @Test
    void validPrioritiesGoToMetadata() {
        assertThat(rules.decide(new Priority("", null, null), true).metadataPriority())
                .isEqualTo(Map.of("priority", ""));
        assertThat(rules.decide(new Priority("important", true, null), true).metadataPriority())
                .isEqualTo(Map.of("priority", "important", "requested_ack", true));
        assertThat(rules.decide(new Priority("urgent", true, true), true).metadataPriority())
                .isEqualTo(Map.of("priority", "urgent", "requested_ack", true, "persistent_notifications", true));
        assertThat(rules.decide(new Priority("", false, false), true).dropped()).isNull();
    }

    @Test
    void priorityWithoutItsValueRejectsTheResponse() {
        assertThatThrownBy(() -> rules.decide(new Priority(null, true, null), true))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("without priority.priority");
    }

    @Test
    void ruleBreakingPrioritiesAreDroppedWithTheReason() {
        assertDropped(new Priority("high", null, null), true, "priority.priority 'high' is not \"\", important or urgent");
        assertDropped(new Priority("urgent", null, null), false, "priority is only allowed on root posts");
        assertDropped(new Priority("", true, null), true, "requested_ack needs priority important or urgent");
        assertDropped(new Priority("important", null, true), true, "persistent_notifications needs priority urgent");
    }

    private void assertDropped(Priority p, boolean root, String reason) {
        PriorityRules.Decision d = rules.decide(p, root);
        assertThat(d.metadataPriority()).isNull();
        assertThat(d.dropped()).startsWith(reason);
    }
}
