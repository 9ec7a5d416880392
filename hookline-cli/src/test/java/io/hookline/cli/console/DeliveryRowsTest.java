package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryRowsTest {

    private static final DeliveryRows.Filter ALL = new DeliveryRows.Filter(null, null, null, null, null, 100);

    private static WebhookTrigger trigger(String deliveryId, String hookId, String postId, long at) {
        return new WebhookTrigger(deliveryId, hookId, "http://bot:s3cret@127.0.0.1:8065/hook", "application/json",
                "Pong bot", "bot", "", "", "", new WebhookPayload("", "team", "eng", "chan", "town-square", at,
                "alice", "alice", postId, "ping", "ping", ""), at);
    }

    private static DeliveryAttempt attempt(int n, long at, Integer status, String error) {
        return new DeliveryAttempt(n, at, 12, status, error, status == null ? null : "body " + n);
    }

    @Test
    void triggersRetriesAndOutcomesFoldIntoOneRowPerDeliveryNewestFirst() {
        DeliveryRows rows = new DeliveryRows();
        WebhookTrigger ok = trigger("d-ok", "h1", "p1", 1_000);
        WebhookTrigger retrying = trigger("d-retry", "h1", "p2", 2_000);
        WebhookTrigger pending = trigger("d-pending", "h2", "p3", 3_000);
        rows.trigger(ok);
        rows.trigger(retrying);
        rows.trigger(pending);
        rows.retry(new ScheduledRetry(retrying, List.of(attempt(1, 2_100, 503, "HTTP 503")), 3_100));
        rows.outcome(new DeliveryOutcome("d-ok", ok, DeliveryOutcome.SUCCEEDED, 200, "{\"text\":\"pong\"}",
                "application/json", null, List.of(attempt(1, 1_100, 200, null)), 1_200));

        List<DeliveryRows.Row> all = rows.rows(ALL);
        assertThat(all).extracting(DeliveryRows.Row::deliveryId).containsExactly("d-pending", "d-retry", "d-ok");
        DeliveryRows.Row retry = all.get(1);
        assertThat(retry.status()).isEqualTo(DeliveryRows.RETRYING);
        assertThat(retry.nextAttemptAt()).isEqualTo(3_100L);
        assertThat(retry.httpStatus()).isEqualTo(503);
        assertThat(retry.attempts()).hasSize(1);
        assertThat(all.get(0).status()).isEqualTo(DeliveryRows.PENDING);
        DeliveryRows.Row done = all.get(2);
        assertThat(done.status()).isEqualTo(DeliveryRows.SUCCEEDED);
        assertThat(done.responseExcerpt()).isEqualTo("{\"text\":\"pong\"}");
        assertThat(done.callbackUrl()).as("the URL's password masked").doesNotContain("s3cret");
        assertThat(done.text()).isEqualTo("ping");

        assertThat(rows.rows(new DeliveryRows.Filter("h1", null, null, null, null, 100))).hasSize(2);
        assertThat(rows.rows(new DeliveryRows.Filter(null, "succeeded", null, null, null, 100))).hasSize(1);
        assertThat(rows.rows(new DeliveryRows.Filter(null, null, "p2", null, null, 100))).hasSize(1);
        assertThat(rows.rows(new DeliveryRows.Filter(null, null, null, 1_500L, 3_000L, 100)))
                .extracting(DeliveryRows.Row::deliveryId).containsExactly("d-retry");
        assertThat(rows.rows(new DeliveryRows.Filter(null, null, null, null, null, 1))).hasSize(1);
    }

    @Test
    void aFailureIsLinkedToItsRedeliveryBothWays() {
        DeliveryRows rows = new DeliveryRows();
        WebhookTrigger failedTrigger = trigger("d-1", "h1", "p1", 1_000);
        DeliveryOutcome failed = new DeliveryOutcome("d-1", failedTrigger, DeliveryOutcome.FAILED, 500, null, null,
                "gave up after 2 attempts: HTTP 500", List.of(attempt(1, 1_100, 500, "HTTP 500"),
                attempt(2, 1_300, 500, "HTTP 500")), 1_400);
        rows.outcome(failed);
        assertThat(rows.row("d-1").redeliveredAs()).as("not redelivered yet").isNull();
        assertThat(rows.row("d-1").responseExcerpt()).as("the last attempt's body").isEqualTo("body 2");

        String redeliveryId = WebhookTrigger.redeliveryIdOf("d-1", 1_400);
        rows.trigger(trigger(redeliveryId, "h1", "p1", 5_000));
        assertThat(rows.row("d-1").redeliveredAs()).isEqualTo(redeliveryId);
        assertThat(rows.row(redeliveryId).redeliveryOf()).isEqualTo("d-1");
        assertThat(rows.row(redeliveryId).status()).isEqualTo(DeliveryRows.PENDING);
    }
}
