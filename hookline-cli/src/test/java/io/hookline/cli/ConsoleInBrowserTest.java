package io.hookline.cli;

import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.cli.console.Browser;
import io.hookline.cli.console.BrowserExtension;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real Chromium against {@code hookline up} (every stage, the integration API and the console, in
 * this JVM, on the shared broker) and a real integration on 127.0.0.1: a hook made on the Hooks page, a post in the
 * playground, its reply rendered, a button and a menu clicked, a dialog filled with an inline error then a second
 * step; and a failed delivery replayed from the Deliveries page.
 */
@ExtendWith({KafkaBrokerExtension.class, BrowserExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInBrowserTest {

    private static final Pattern CONSOLE_URL = Pattern.compile("console=(http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern API_URL = Pattern.compile("integration-api=(http://127\\.0\\.0\\.1:\\d+)");
    private static final String BOT = "ticketbot00000000000000001";

    private IsolatedConfig isolated;
    private RunningCommand up;
    private StoryIntegration integration;
    private String console;

    @BeforeAll
    void start(KafkaBroker broker) throws Exception {
        isolated = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1")
                .with("hookline.dispatcher.retry-delays", "100ms")
                .with("hookline.console-port", "0");
        up = RunningCommand.start(isolated.args("up"));
        console = group(CONSOLE_URL, up.out().toString());
        integration = new StoryIntegration(group(API_URL, up.out().toString()));
    }

    @AfterAll
    void stop() throws Exception {
        if (integration != null) {
            integration.close();
        }
        if (up != null) {
            up.close();
        }
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("%s in %s", p, text).isTrue();
        return m.group(1);
    }

    /** Creates a hook with {@code hookline hooks create}; returns its id. */
    private String createHook(String channelId, String triggerWord, String path, String displayName)
            throws Exception {
        CliRun.Result r = CliRun.run(isolated.args("hooks", "create", "--team-id", TEAM, "--channel-id", channelId,
                "--trigger-word", triggerWord, "--callback-url", integration.url() + path, "--creator-id", BOT,
                "--display-name", displayName));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return io.hookline.schemas.serde.Json.mapper().readTree(r.out()).path("id").asText();
    }

    /** Opens the playground as {@code username} in {@code channelId} of the test's team. */
    private void enter(Browser browser, String userId, String username, String channelId, String channelName) {
        if (!browser.driver().getCurrentUrl().startsWith(console)) {
            browser.open(console + "/#/playground");
        }
        WebElement seat = browser.visible(By.cssSelector("form.pg-seat"));
        for (String[] f : new String[][] {{"username", username}, {"user_id", userId}, {"channel_id", channelId},
                {"channel_name", channelName}, {"team_id", TEAM}, {"team_name", "engineering"}}) {
            WebElement input = seat.findElement(By.name(f[0]));
            input.clear();
            input.sendKeys(f[1]);
        }
        seat.findElement(By.cssSelector("button[type=submit]")).click();
        browser.awaitText(By.cssSelector(".pg-status"), "as @" + username + " · live");
    }

    private static WebElement postWith(Browser browser, String text) {
        return browser.awaitText(By.cssSelector(".pg-posts article.post"), text);
    }

    /** Creates a hook on the Hooks page: first without a callback URL (refused at that field), then complete. */
    private void createHookInTheUi(Browser browser, String channelId, String triggerWord, String path,
                                   String displayName) {
        browser.open(console + "/#/hooks");
        browser.visible(By.id("new-hook")).click();
        WebElement form = browser.visible(By.id("hook-form"));
        form.findElement(By.name("team_id")).sendKeys(TEAM);
        form.findElement(By.name("channel_id")).sendKeys(channelId);
        form.findElement(By.name("trigger_words")).sendKeys(triggerWord);
        form.findElement(By.name("creator_id")).sendKeys(BOT);
        form.findElement(By.name("display_name")).sendKeys(displayName);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement error = browser.await(d -> {
            WebElement slot = form.findElement(By.cssSelector("[data-error-for=callback_urls]"));
            return slot.getText().isEmpty() ? null : slot;
        });
        assertThat(error.getText()).contains("at least one callback URL is required");
        form.findElement(By.name("callback_urls")).sendKeys(integration.url() + path);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // the token and the signing secret are shown once, now
        WebElement secret = browser.visible(By.cssSelector("#hook-secret [data-secret=token]"));
        assertThat(secret.getText()).matches("[a-z0-9]{26}");
        browser.awaitText(By.cssSelector("#hooks-table tbody tr"), displayName);
    }

    @Test
    void aHookMadeOnTheHooksPageAnswersAPlaygroundPostWhoseButtonMenuAndDialogWork(Browser browser)
            throws Exception {
        createHookInTheUi(browser, CHANNEL, "ticket", "/hook", "Ticket bot");
        browser.open(console + "/#/playground");
        // a seat that is no Mattermost id is refused at its field, with hookline post's message
        WebElement seat = browser.visible(By.cssSelector("form.pg-seat"));
        seat.findElement(By.name("channel_id")).clear();
        seat.findElement(By.name("channel_id")).sendKeys("town square");
        seat.findElement(By.cssSelector("button[type=submit]")).click();
        String seatError = browser.await(d -> {
            String text = seat.findElement(By.cssSelector("[data-error-for=channel_id]")).getText();
            return text.isEmpty() ? null : text;
        });
        assertThat(seatError).contains("a Mattermost id").contains("'town square'");
        enter(browser, TownSquare.ALICE, "alice", CHANNEL, "town-square");

        WebElement compose = browser.find(By.cssSelector("form.pg-compose textarea[name=message]"));
        compose.sendKeys("ticket disk is full", Keys.ENTER);
        WebElement mine = postWith(browser, "ticket disk is full");
        assertThat(mine.findElement(By.cssSelector(".post-author")).getText()).isEqualTo("alice");
        String mineId = mine.getAttribute("data-post-id");

        // the webhook's answer, a reply in the thread, rendered as Mattermost renders it
        WebElement reply = postWith(browser, "Ticket bot");
        String replyId = reply.getAttribute("data-post-id");
        assertThat(reply.findElement(By.cssSelector(".bot-tag")).getText()).isEqualTo("BOT");
        assertThat(reply.findElement(By.cssSelector(".reply-marker")).getText())
                .isEqualTo("Commented on alice's message: ticket disk is full");
        WebElement message = reply.findElement(By.cssSelector(".post-message"));
        assertThat(message.findElement(By.cssSelector("strong")).getText()).isEqualTo("Ticket");
        assertThat(message.findElement(By.cssSelector("em")).getText()).isEqualTo("below");
        assertThat(message.findElements(By.cssSelector("img, script, a"))).isEmpty();
        assertThat(message.getText()).contains("<img src=x onerror=");
        assertThat(browser.script("return window.hooklineXss === undefined")).isEqualTo(true);
        WebElement attachment = reply.findElement(By.cssSelector(".attachment"));
        assertThat(attachment.findElement(By.cssSelector(".attachment-box")).getCssValue("border-left-color"))
                .isEqualTo("rgba(163, 2, 0, 1)");
        assertThat(attachment.findElement(By.cssSelector(".attachment-pretext code")).getText()).isEqualTo("code");
        assertThat(attachment.findElement(By.cssSelector(".attachment-title a")).getAttribute("href"))
                .isEqualTo("https://tickets.example.com/42");
        assertThat(attachment.findElements(By.cssSelector(".attachment-field.short"))).hasSize(2);
        assertThat(attachment.findElements(By.cssSelector(".attachment-text li"))).hasSize(2);
        assertThat(attachment.findElement(By.cssSelector(".attachment-footer-text")).getText()).isEqualTo("Monitoring");
        browser.await(d -> Long.valueOf(1).equals(browser.script(
                "return arguments[0].naturalWidth", attachment.findElement(By.cssSelector(".attachment-image")))));

        // the button: the message is updated live, alice alone gets the private answer, then the dialog opens
        reply.findElement(By.xpath(".//button[text()='Open form']")).click();
        browser.await(d -> browser.script("return document.querySelector(arguments[0]).innerText",
                "article[data-post-id='" + replyId + "'] .post-message").toString().contains("Form opened by @alice"));
        WebElement ephemeral = postWith(browser, "(Only visible to you)");
        assertThat(ephemeral.findElement(By.cssSelector(".post-message a")).getText()).isEqualTo("the form");
        WebElement dialog = browser.visible(By.cssSelector(".dialog-backdrop form.dialog"));
        assertThat(dialog.findElement(By.cssSelector(".dialog-title")).getText()).isEqualTo("Create ticket");

        // the client's check, then the integration's inline error, then a good summary leads to step 2
        dialog.findElement(By.cssSelector(".dialog-submit")).click();
        assertThat(fieldError(browser, "summary")).isEqualTo("This field is required.");
        dialog.findElement(By.name("summary")).sendKeys("broken");
        dialog.findElement(By.cssSelector(".dialog-submit")).click();
        browser.await(d -> "Say more than 'broken'.".equals(fieldError(browser, "summary")));
        WebElement summary = browser.find(By.name("summary"));
        summary.clear();
        summary.sendKeys("Disk full on db-3");
        browser.find(By.name("urgent")).click();
        new Select(browser.find(By.name("assignee"))).selectByVisibleText("@alice");
        browser.find(By.cssSelector(".dialog-lookup")).sendKeys("data");
        browser.await(d -> !d.findElements(By.cssSelector("select[name=team] option[value=db]")).isEmpty());
        new Select(browser.find(By.name("team"))).selectByValue("db");
        browser.find(By.cssSelector(".dialog-submit")).click();
        browser.awaitText(By.cssSelector(".dialog-title"), "Step 2 of 2");
        browser.find(By.name("confirm")).click();
        browser.find(By.cssSelector(".dialog-submit")).click();
        browser.await(d -> d.findElements(By.cssSelector(".dialog-backdrop")).isEmpty());

        StoryIntegration.Request step2 = integration.next("/dialogs/ticket");
        while (!step2.body().path("state").asText().equals("step2")) {
            step2 = integration.next("/dialogs/ticket");
        }
        assertThat(step2.body().path("type").asText()).isEqualTo("dialog_submission");
        assertThat(step2.body().path("user_id").asText()).isEqualTo(TownSquare.ALICE);
        assertThat(step2.body().path("channel_id").asText()).isEqualTo(CHANNEL);
        assertThat(step2.body().path("team_id").asText()).isEqualTo(TEAM);
        var values = step2.body().path("submission");
        assertThat(values.path("summary").asText()).isEqualTo("Disk full on db-3");
        assertThat(values.path("urgent").isBoolean() && values.path("urgent").asBoolean()).isTrue();
        assertThat(values.path("confirm").asBoolean()).isTrue();
        assertThat(values.path("assignee").asText()).isEqualTo(TownSquare.ALICE);
        assertThat(values.path("team").asText()).isEqualTo("db");
        assertThat(values.path("priority").asText()).isEqualTo("normal");
        assertThat(values.path("impact").asText()).isEqualTo("one");
        assertThat(values.path("due").asText()).isEqualTo("2026-12-24");

        // the menu: the choice reaches the integration, whose update shows at once
        WebElement menu = browser.find(By.cssSelector("article[data-post-id='" + replyId + "'] select.action-menu"));
        new Select(menu).selectByValue("high");
        browser.await(d -> browser.script("return document.querySelector(arguments[0]).innerText",
                "article[data-post-id='" + replyId + "'] .post-message").toString().contains("Severity: high"));

        // bob sees the channel as it is now, without alice's private answer
        enter(browser, "bob00000000000000000000001", "bob", CHANNEL, "town-square");
        postWith(browser, "Severity: high");
        assertThat(browser.all(By.cssSelector(".pg-posts article.post.ephemeral"))).isEmpty();
        assertThat(browser.all(By.cssSelector(".pg-posts article.post"))).extracting(e -> e.getAttribute("data-post-id"))
                .containsSubsequence(mineId, replyId);
    }

    @Test
    void aFailedDeliveryIsRedeliveredWithOneClickAndItsAnswerReachesThePlayground(Browser browser)
            throws Exception {
        String channel = "flaky000000000000000000001";
        String hookId = createHook(channel, "flaky", "/flaky", "Flaky bot");
        browser.open(console + "/#/playground");
        enter(browser, TownSquare.ALICE, "alice", channel, "flaky");
        browser.find(By.cssSelector("form.pg-compose textarea[name=message]")).sendKeys("flaky disk", Keys.ENTER);
        postWith(browser, "flaky disk");
        // the callback answers 500 to the attempt and its one retry: the delivery fails
        integration.next("/flaky");
        integration.next("/flaky");

        browser.open(console + "/#/deliveries?hook=" + hookId);
        WebElement redeliver = browser.await(d -> {
            List<WebElement> buttons = d.findElements(By.cssSelector(
                    "#deliveries-table tr[data-delivery] button[data-action=redeliver]"));
            if (buttons.isEmpty()) {
                // the log is read on demand: ask again until the failure is in it
                d.findElement(By.xpath("//div[@id='delivery-filters']//button[text()='Refresh']")).click();
                return null;
            }
            return buttons.get(0);
        });
        WebElement row = redeliver.findElement(By.xpath("./ancestor::tr"));
        assertThat(row.findElement(By.cssSelector("[data-status]")).getText()).isEqualTo("failed");
        assertThat(row.getText()).contains("Flaky bot").contains("flaky disk");
        integration.heal();
        redeliver.click();

        // the redelivery reaches the healed callback, and its answer is a post in the channel
        integration.next("/flaky");
        browser.open(console + "/#/playground");
        WebElement answer = postWith(browser, "Healed at last");
        assertThat(answer.findElement(By.cssSelector(".post-author")).getText()).isEqualTo("Flaky bot");
    }

    private static String fieldError(Browser browser, String name) {
        List<WebElement> e = browser.all(By.cssSelector(".dialog-field[data-name='" + name + "'] .dialog-field-error"));
        return e.isEmpty() ? null : e.get(0).getText();
    }
}
