package io.hookline.cli.console.playground;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.cli.IsolatedConfig;
import io.hookline.cli.console.Browser;
import io.hookline.cli.console.BrowserExtension;
import io.hookline.cli.console.Console;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The playground's renderer and dialog form in a real Chromium, on posts and dialogs this test writes: everything a
 * message can show (as Mattermost shows it), nothing of it ever parsed as HTML, and every dialog element type with
 * the client's checks, the integration's inline errors, a second step and the close. The modules are the ones the
 * console serves.
 */
@ExtendWith({KafkaBrokerExtension.class, BrowserExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderingInBrowserTest {

    private Console console;

    @BeforeAll
    void start(KafkaBroker broker) {
        console = Console.start(new IsolatedConfig(broker).with("hookline.console-port", "0").provisioned(),
                List.of());
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    /** Loads the console, then runs {@code body} with the renderer ({@code r}) and dialog ({@code d}) modules. */
    private Object withModules(Browser browser, String body, Object... args) {
        browser.open(console.url() + "/#/hooks");
        return browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "const args = Array.from(arguments).slice(0, -1);"
                + "Promise.all([import('/playground/render.js'), import('/playground/dialog.js')])"
                + ".then(([r, d]) => { " + body + " }).catch((e) => done('failed: ' + e.stack));", args);
    }

    static final String POST = """
            {"ephemeral": true, "username": "pollbot-owner", "post": {
              "id": "post1", "create_at": 1767225600000, "user_id": "u1", "channel_id": "c1", "root_id": "root1",
              "message": "## Heading\\n**bold** _em_ `code` ~~gone~~ [docs](https://docs.example.com/) @alice\\nline two\\n\\n- one\\n- two\\n\\n> quoted\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |\\n\\n<script>window.hooklineXss=1</script><img src=x onerror=\\"window.hooklineXss=2\\"> [bad](javascript:window.hooklineXss=3) ![pic](javascript:x)",
              "type": "slack_attachment",
              "metadata": {"priority": {"priority": "urgent", "requested_ack": true}},
              "props": {"from_webhook": "true", "override_username": "pollbot", "webhook_display_name": "Poll bot",
                "override_icon_url": "https://icons.example.com/poll.png",
                "attachments": [{"color": "good", "pretext": "Pre *text*", "author_name": "Ops team",
                  "author_link": "https://ops.example.com/", "author_icon": "https://ops.example.com/i.png",
                  "title": "Lunch poll", "title_link": "https://poll.example.com/17", "text": "Pick **one**",
                  "fields": [{"title": "Short A", "value": "a", "short": true}, {"title": "Short B", "value": 2, "short": "true"},
                             {"title": "Long", "value": "spans the width", "short": false}],
                  "image_url": "https://img.example.com/big.png", "thumb_url": "https://img.example.com/t.png",
                  "footer": "Poll service", "footer_icon": "javascript:alert(1)", "ts": 1767225600,
                  "actions": [
                    {"id": "pizza", "type": "button", "name": "Pizza", "style": "primary", "tooltip": "Vote pizza"},
                    {"id": "salad", "type": "button", "name": "Salad", "disabled": true},
                    {"id": "noname", "type": "button"},
                    {"id": "where", "type": "select", "name": "Where?", "default_option": "out",
                     "options": [{"text": "Inside", "value": "in"}, {"text": "Outside", "value": "out"}]},
                    {"id": "who", "type": "select", "name": "Who?", "data_source": "users"}]},
                  {"color": "<script>", "text": "second"}]}}}""";

    @Test
    void aPostShowsEverythingAMessageCanCarryAndNeverRunsItsHtml(Browser browser) {
        Object result = withModules(browser, """
                window.clicks = [];
                const ctx = {
                  onAction: (p, a, v) => window.clicks.push(p.id + ':' + a.id + ':' + v),
                  findPost: (id) => id === 'root1' ? {post: {message: 'the root post', props: {}}, username: 'alice'} : null,
                  knownUsers: () => [{id: 'alice000000000000000000001', username: 'alice'}],
                  knownChannels: () => [],
                };
                const host = document.createElement('div');
                host.id = 'fixture';
                document.body.prepend(host);
                host.append(r.renderPost(JSON.parse(args[0]), ctx));
                done('ok');""", POST);
        assertThat(result).isEqualTo("ok");
        WebElement post = browser.find(By.cssSelector("#fixture article.post"));

        // who: the override username wins over the webhook's display name and the author; with its icon
        assertThat(post.findElement(By.cssSelector(".post-author")).getText()).isEqualTo("pollbot");
        assertThat(post.findElement(By.cssSelector(".bot-tag")).getText()).isEqualTo("BOT");
        assertThat(post.findElement(By.cssSelector(".post-avatar img")).getAttribute("src"))
                .isEqualTo("https://icons.example.com/poll.png");
        assertThat(post.findElements(By.cssSelector(".priority-label"))).extracting(WebElement::getText)
                .containsExactly("URGENT", "Acknowledgement requested");
        assertThat(post.findElement(By.cssSelector(".ephemeral-label")).getText()).isEqualTo("(Only visible to you)");
        assertThat(post.findElement(By.cssSelector(".reply-marker")).getText())
                .isEqualTo("Commented on alice's message: the root post");

        WebElement message = post.findElement(By.cssSelector(".post-message"));
        assertThat(message.findElement(By.cssSelector("h2")).getText()).isEqualTo("Heading");
        assertThat(message.findElement(By.cssSelector("strong")).getText()).isEqualTo("bold");
        assertThat(message.findElement(By.cssSelector("em")).getText()).isEqualTo("em");
        assertThat(message.findElement(By.cssSelector("code")).getText()).isEqualTo("code");
        assertThat(message.findElement(By.cssSelector("del")).getText()).isEqualTo("gone");
        assertThat(message.findElement(By.cssSelector("a")).getAttribute("href")).isEqualTo("https://docs.example.com/");
        assertThat(message.findElement(By.cssSelector("a")).getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(message.findElement(By.cssSelector(".mention")).getText()).isEqualTo("@alice");
        assertThat(message.findElements(By.cssSelector("br"))).hasSize(1);
        assertThat(message.findElements(By.cssSelector("ul > li"))).extracting(WebElement::getText)
                .containsExactly("one", "two");
        assertThat(message.findElement(By.cssSelector("blockquote")).getText()).isEqualTo("quoted");
        assertThat(message.findElements(By.cssSelector("table td"))).extracting(WebElement::getText)
                .containsExactly("1", "2");
        // HTML in a message is text; script URLs make no link and no image
        assertThat(message.findElements(By.cssSelector("script, img"))).isEmpty();
        assertThat(message.getText()).contains("<script>window.hooklineXss=1</script>").contains("<img src=x");
        assertThat(message.findElements(By.cssSelector("a"))).hasSize(1);
        assertThat(browser.script("return window.hooklineXss === undefined")).isEqualTo(true);

        List<WebElement> attachments = post.findElements(By.cssSelector(".attachment"));
        assertThat(attachments).hasSize(2);
        WebElement a = attachments.get(0);
        assertThat(a.findElement(By.cssSelector(".attachment-box")).getCssValue("border-left-color"))
                .isEqualTo("rgba(46, 184, 134, 1)");
        assertThat(a.findElement(By.cssSelector(".attachment-pretext em")).getText()).isEqualTo("text");
        assertThat(a.findElement(By.cssSelector(".attachment-author a")).getAttribute("href"))
                .isEqualTo("https://ops.example.com/");
        assertThat(a.findElement(By.cssSelector(".attachment-author a")).getText()).isEqualTo("Ops team");
        assertThat(a.findElement(By.cssSelector(".attachment-title a")).getAttribute("href"))
                .isEqualTo("https://poll.example.com/17");
        assertThat(a.findElement(By.cssSelector(".attachment-text strong")).getText()).isEqualTo("one");
        assertThat(a.findElements(By.cssSelector(".attachment-field.short"))).hasSize(2);
        assertThat(a.findElements(By.cssSelector(".attachment-field:not(.short)"))).singleElement()
                .satisfies(f -> assertThat(f.getText()).contains("Long").contains("spans the width"));
        assertThat(a.findElements(By.cssSelector(".attachment-field-value"))).extracting(WebElement::getText)
                .containsExactly("a", "2", "spans the width");
        assertThat(a.findElement(By.cssSelector(".attachment-image")).getAttribute("src"))
                .isEqualTo("https://img.example.com/big.png");
        assertThat(a.findElement(By.cssSelector(".attachment-thumb")).getAttribute("src"))
                .isEqualTo("https://img.example.com/t.png");
        assertThat(a.findElement(By.cssSelector(".attachment-footer-text")).getText()).isEqualTo("Poll service");
        assertThat(a.findElements(By.cssSelector(".attachment-footer-ts"))).hasSize(1);
        assertThat(a.findElements(By.cssSelector(".attachment-footer-icon"))).isEmpty();
        // actions: the nameless one is not shown, as Mattermost's client does
        List<WebElement> buttons = a.findElements(By.cssSelector("button.action-button"));
        assertThat(buttons).extracting(WebElement::getText).containsExactly("Pizza", "Salad");
        assertThat(buttons.get(0).getAttribute("class")).contains("style-primary");
        assertThat(buttons.get(0).getAttribute("title")).isEqualTo("Vote pizza");
        assertThat(buttons.get(1).isEnabled()).isFalse();
        List<WebElement> menus = a.findElements(By.cssSelector("select.action-menu"));
        assertThat(menus).hasSize(2);
        assertThat(menus.get(0).getAttribute("value")).isEqualTo("out");
        assertThat(menus.get(1).findElements(By.cssSelector("option"))).extracting(WebElement::getText)
                .containsExactly("Who?", "@alice");
        // an unknown colour gives no bar colour
        assertThat(attachments.get(1).findElement(By.cssSelector(".attachment-box")).getAttribute("style")).isEmpty();

        buttons.get(0).click();
        new org.openqa.selenium.support.ui.Select(menus.get(0)).selectByValue("in");
        new org.openqa.selenium.support.ui.Select(menus.get(1)).selectByVisibleText("@alice");
        assertThat(browser.script("return window.clicks")).isEqualTo(List.of("post1:pizza:", "post1:where:in",
                "post1:who:alice000000000000000000001"));
    }

    static final String DIALOG = """
            {"callback_id": "ticket", "title": "Create ticket", "introduction_text": "Fill **all** of it.",
             "submit_label": "Next", "notify_on_cancel": true, "elements": [
              {"display_name": "Summary", "name": "summary", "type": "text", "min_length": 5, "max_length": 20,
               "placeholder": "What?", "help_text": "One line."},
              {"display_name": "Email", "name": "email", "type": "text", "subtype": "email", "optional": true},
              {"display_name": "Count", "name": "count", "type": "text", "subtype": "number", "optional": true},
              {"display_name": "Secret", "name": "secret", "type": "text", "subtype": "password", "optional": true},
              {"display_name": "Notes", "name": "notes", "type": "textarea", "optional": true, "default": "n/a"},
              {"display_name": "Priority", "name": "priority", "type": "select", "default": "high",
               "options": [{"text": "Low", "value": "low"}, {"text": "High", "value": "high"}]},
              {"display_name": "Labels", "name": "labels", "type": "select", "multiselect": true, "optional": true,
               "default": "disk, db", "options": [{"text": "Disk", "value": "disk"}, {"text": "DB", "value": "db"},
               {"text": "Net", "value": "net"}]},
              {"display_name": "Assignee", "name": "assignee", "type": "select", "data_source": "users", "optional": true},
              {"display_name": "Team", "name": "team", "type": "select", "data_source": "dynamic",
               "data_source_url": "https://lookup.example.com/", "optional": true},
              {"display_name": "Urgent", "name": "urgent", "type": "bool", "placeholder": "Page on call", "default": "true"},
              {"display_name": "Impact", "name": "impact", "type": "radio", "default": "all",
               "options": [{"text": "One", "value": "one"}, {"text": "All", "value": "all"}]},
              {"display_name": "Due", "name": "due", "type": "date", "default": "2026-12-24", "min_date": "2026-01-01"},
              {"display_name": "Window", "name": "window", "type": "datetime", "default": "2026-12-24T10:30:00Z",
               "optional": true}]}""";

    @Test
    void aDialogShowsEveryElementTypeChecksLikeMattermostsClientAndGoesThroughItsSteps(Browser browser) {
        withModules(browser, """
                window.submitted = [];
                window.cancelled = 0;
                const host = document.createElement('div');
                host.id = 'dialog-fixture';
                document.body.append(host);
                window.dialog = new d.DialogView(host, JSON.parse(args[0]), {
                  submit: async (values) => { window.submitted.push(values); },
                  cancel: async () => { window.cancelled++; },
                  lookup: async (name, query) => [{text: 'Database team ' + query, value: 'db'}],
                  knownUsers: () => [{id: 'bob00000000000000000000001', username: 'bob'}],
                  knownChannels: () => [],
                });
                done('ok');""", DIALOG);
        WebElement dialog = browser.find(By.cssSelector("#dialog-fixture form.dialog"));
        assertThat(dialog.findElement(By.cssSelector(".dialog-title")).getText()).isEqualTo("Create ticket");
        assertThat(dialog.findElement(By.cssSelector(".dialog-intro strong")).getText()).isEqualTo("all");
        assertThat(dialog.findElement(By.name("summary")).getAttribute("maxlength")).isEqualTo("20");
        assertThat(dialog.findElement(By.name("summary")).getAttribute("placeholder")).isEqualTo("What?");
        assertThat(dialog.findElement(By.name("email")).getAttribute("type")).isEqualTo("email");
        assertThat(dialog.findElement(By.name("count")).getAttribute("type")).isEqualTo("number");
        assertThat(dialog.findElement(By.name("secret")).getAttribute("type")).isEqualTo("password");
        assertThat(dialog.findElement(By.name("notes")).getTagName()).isEqualTo("textarea");
        assertThat(dialog.findElement(By.name("notes")).getAttribute("value")).isEqualTo("n/a");
        assertThat(dialog.findElement(By.name("priority")).getAttribute("value")).isEqualTo("high");
        assertThat(dialog.findElements(By.cssSelector("select[name=labels] option:checked")))
                .extracting(e -> e.getAttribute("value")).containsExactly("disk", "db");
        assertThat(dialog.findElements(By.cssSelector("select[name=assignee] option")))
                .extracting(WebElement::getText).contains("@bob");
        assertThat(dialog.findElement(By.name("urgent")).isSelected()).isTrue();
        assertThat(dialog.findElements(By.cssSelector(".dialog-radio input:checked")))
                .extracting(e -> e.getAttribute("value")).containsExactly("all");
        assertThat(dialog.findElement(By.name("due")).getAttribute("type")).isEqualTo("date");
        assertThat(dialog.findElement(By.name("due")).getAttribute("value")).isEqualTo("2026-12-24");
        assertThat(dialog.findElement(By.name("due")).getAttribute("min")).isEqualTo("2026-01-01");
        assertThat(dialog.findElement(By.name("window")).getAttribute("type")).isEqualTo("datetime-local");
        assertThat(dialog.findElement(By.cssSelector(".dialog-submit")).getText()).isEqualTo("Next");

        // the client's own checks, before anything is sent
        dialog.findElement(By.cssSelector(".dialog-submit")).click();
        assertThat(fieldError(browser, "summary")).isEqualTo("This field is required.");
        dialog.findElement(By.name("summary")).sendKeys("disk");
        dialog.findElement(By.name("email")).sendKeys("not-an-address");
        dialog.findElement(By.cssSelector(".dialog-submit")).click();
        assertThat(fieldError(browser, "summary")).isEqualTo("Minimum input length is 5.");
        assertThat(fieldError(browser, "email")).isEqualTo("Must be a valid email address.");
        assertThat(browser.script("return window.submitted.length")).isEqualTo(0L);

        // a dynamic select asks its lookup for options
        dialog.findElement(By.cssSelector(".dialog-lookup")).sendKeys("da");
        browser.await(d -> d.findElements(By.cssSelector("select[name=team] option[value=db]")).size() == 1);
        new org.openqa.selenium.support.ui.Select(dialog.findElement(By.name("team"))).selectByValue("db");

        dialog.findElement(By.name("summary")).sendKeys(" full");
        dialog.findElement(By.name("email")).clear();
        dialog.findElement(By.cssSelector(".dialog-submit")).click();
        browser.await(d -> ((Number) browser.script("return window.submitted.length")).intValue() == 1);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> first = (java.util.Map<String, Object>) browser.script(
                "return window.submitted[0]");
        assertThat(first).containsEntry("summary", "disk full").containsEntry("notes", "n/a")
                .containsEntry("priority", "high").containsEntry("labels", List.of("disk", "db"))
                .containsEntry("team", "db").containsEntry("urgent", true).containsEntry("impact", "all")
                .containsEntry("due", "2026-12-24").doesNotContainKeys("email", "assignee", "count");
        assertThat((String) first.get("window")).matches("2026-12-24T\\d\\d:\\d\\d:00[+-]\\d\\d:\\d\\d");

        // the integration's inline error and general error keep it open
        browser.script("window.dialog.answer({errors: {summary: 'Too vague.'}, error: 'Try again.'}, null)");
        assertThat(fieldError(browser, "summary")).isEqualTo("Too vague.");
        assertThat(browser.find(By.cssSelector("#dialog-fixture .dialog-error")).getText()).isEqualTo("Try again.");

        // a form answer is the next step; its submit carries the values of both steps
        browser.script("window.dialog.answer({type: 'form', form: {title: 'Step 2', elements: ["
                + "{display_name: 'Confirm', name: 'confirm', type: 'bool', placeholder: 'Sure'}]}}, null)");
        browser.awaitText(By.cssSelector("#dialog-fixture .dialog-title"), "Step 2");
        browser.find(By.cssSelector("#dialog-fixture .dialog-submit")).click();
        assertThat(fieldError(browser, "confirm")).isEqualTo("This field is required.");
        browser.find(By.name("confirm")).click();
        browser.find(By.cssSelector("#dialog-fixture .dialog-submit")).click();
        browser.await(d -> ((Number) browser.script("return window.submitted.length")).intValue() == 2);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> second = (java.util.Map<String, Object>) browser.script(
                "return window.submitted[1]");
        assertThat(second).containsEntry("confirm", true).containsEntry("summary", "disk full")
                .containsEntry("team", "db");

        // {} closes it; a cancel closes and tells the page
        assertThat(browser.script("return window.dialog.answer({}, null)")).isEqualTo(false);
        assertThat(browser.all(By.cssSelector("#dialog-fixture .dialog"))).isEmpty();
        withModules(browser, """
                const host = document.createElement('div');
                host.id = 'dialog-fixture';
                document.body.append(host);
                window.cancelled = 0;
                new d.DialogView(host, {title: 'T', elements: []}, {submit: async () => {}, cancel: async () => { window.cancelled++; }});
                done('ok');""");
        browser.find(By.cssSelector("#dialog-fixture .dialog-cancel")).click();
        assertThat(browser.all(By.cssSelector("#dialog-fixture .dialog"))).isEmpty();
        assertThat(browser.script("return window.cancelled")).isEqualTo(1L);
    }

    private static String fieldError(Browser browser, String name) {
        return browser.find(By.cssSelector("#dialog-fixture .dialog-field[data-name='" + name
                + "'] .dialog-field-error")).getText();
    }
}
