package io.hookline.cli.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for the browser tests (Debian's {@code chromium} and {@code chromium-driver}), with a fresh
 * profile that is deleted when it closes. Waits are conditions polled by Selenium, never sleeps.
 */
public final class Browser implements AutoCloseable {

    /** Where Debian installs them; {@code -Dhookline.test.chromium} and {@code -Dhookline.test.chromedriver} override. */
    static final Path CHROMIUM = Path.of(System.getProperty("hookline.test.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("hookline.test.chromedriver", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser tests cannot run here, or null when Chromium and its driver are installed. */
    static String missing() {
        if (!Files.isExecutable(CHROMIUM)) {
            return "no Chromium at " + CHROMIUM + " (apt-get install -y chromium chromium-driver)";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return "no chromedriver at " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
        }
        return null;
    }

    static Browser start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("hookline-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new Browser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} in the one tab, first leaving whatever page was open (its streams close). */
    public void open(String url) {
        driver.get("about:blank");
        driver.get(url);
    }

    public WebElement find(By by) {
        return await(ExpectedConditions.presenceOfElementLocated(by));
    }

    public WebElement visible(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits (at most {@link #WAIT}) until {@code condition} gives a non-null, non-false value, and returns it. */
    public <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the text of {@code by}'s first element contains {@code text}; returns the element. */
    public WebElement awaitText(By by, String text) {
        return await(d -> {
            for (WebElement e : d.findElements(by)) {
                if (e.getText().contains(text)) {
                    return e;
                }
            }
            return null;
        });
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs {@code script}, whose last argument is the callback that ends it with its result. */
    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is no failure of the tests
            }
        }
    }
}
