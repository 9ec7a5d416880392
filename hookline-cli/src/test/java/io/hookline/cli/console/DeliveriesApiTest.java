package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.serde.Json;
import org.junit.jupiter.api.Test;

class DeliveriesApiTest {

    @Test
    void anInteractionsStoryLeavesOutTheIntegrationsContextAndUrlsAreMasked() throws Exception {
        DeliveryOutcome click = Json.mapper().readValue("""
                {"delivery_id": "i1", "status": "failed", "http_status": 500, "error": "HTTP 500", "attempts": [],
                 "completed_at": 5,
                 "interaction": {"event": {"type": "button", "id": "i1", "url": "https://u:pw@bot.example/act",
                                           "cookie": "c0ffee"},
                                 "action": {"type": "button", "post_id": "p1",
                                            "integration": {"url": "https://u:pw@bot.example/act",
                                                            "context": {"api_key": "integration-secret"}}}}}""",
                DeliveryOutcome.class);
        assertThat(click.isInteraction()).isTrue();
        String shown = Json.mapper().writeValueAsString(DeliveriesApi.shown(click));
        assertThat(shown).contains("\"interaction_type\":\"button\"", "\"status\":\"failed\"")
                .doesNotContain("integration-secret", "c0ffee", ":pw@");

        DeliveryOutcome delivery = Json.mapper().readValue("""
                {"delivery_id": "d1", "status": "failed", "attempts": [], "completed_at": 5,
                 "trigger": {"delivery_id": "d1", "hook_id": "h1", "callback_url": "https://u:pw@bot.example/hook"}}""",
                DeliveryOutcome.class);
        assertThat(Json.mapper().writeValueAsString(DeliveriesApi.shown(delivery))).contains("\"delivery_id\":\"d1\"")
                .doesNotContain(":pw@");
        assertThat(DeliveriesApi.shown(null)).isNull();
    }
}
