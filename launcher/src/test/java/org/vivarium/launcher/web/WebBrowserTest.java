package org.vivarium.launcher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives Debian's headless chromium through {@code viv serve}: types a query, waits for highlighted hits, clicks
 * through to the feature page (kind and output tokens), narrows by the activation range controls. Screenshots go to {@code target/screenshots}, also when a step fails.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code apt-get install chromium
 * chromium-driver}); Selenium Manager is disabled, so nothing is downloaded. Without them the test is skipped,
 * or fails when {@code CI=true}.
 */
class WebBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of(System.getProperty("vivarium.test.screenshots", "target/screenshots"));

    @TempDir
    Path dir;
    WebFixture web;
    ChromeDriver driver;
    String testName;

    @BeforeEach
    void start(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String why = "no " + CHROMIUM + " or " + CHROMEDRIVER + "; install them with"
                    + " 'apt-get install -y chromium chromium-driver' (.ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + why);
            }
            Assumptions.abort("skipped: " + why);
        }
        System.setProperty("SE_MANAGER_PATH", "/nonexistent"); // belt and braces: the driver path is given below
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        web = WebFixture.start(dir, null);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + dir.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (web != null) {
                web.close();
            }
        }
    }

    @Test
    void searchHighlightsHitsAndLinksToTheFeaturePage() throws Exception {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            FeatureArtifactsFixture.write(dir.resolve("runs")); // the running server reads artifacts on each request
            driver.get(web.uri("/search").toString());
            WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
            box.sendKeys("password");
            driver.findElement(By.id("go")).click();
            List<WebElement> marks = wait.until(
                    ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#hits .context mark"), 0));
            assertEquals("password", marks.get(0).getText());
            assertEquals(20, driver.findElements(By.cssSelector("#hits li.hit")).size());
            assertFalse(driver.findElements(By.cssSelector("#facets li")).isEmpty());
            assertTrue(driver.findElement(By.id("summary")).getText().contains("49 contexts"));
            screenshot("1-search");

            driver.findElement(By.id("next")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "21–40"));

            driver.navigate().back();
            WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#hits a.feature-link")));
            String feature = link.getText();
            link.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feature"), feature));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.histogram rect")));
            assertFalse(driver.findElements(By.cssSelector("#contexts mark")).isEmpty());
            assertEquals("sae/L1/812", feature, "the strongest hit");
            assertEquals("SAE latent", driver.findElement(By.id("kind")).getText());
            assertEquals("a", driver.findElement(By.cssSelector("#promoted code")).getText(), "W_dec[812] · W_U: a +2");
            assertEquals("c", driver.findElement(By.cssSelector("#suppressed code")).getText(), "c -1.5");
            screenshot("2-feature");

            driver.get(web.uri("/search").toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("q"))).sendKeys("password");
            driver.findElement(By.id("min")).sendKeys("2.05");
            driver.findElement(By.id("max")).sendKeys("5");
            driver.findElement(By.id("go")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "26 contexts"));
            assertEquals("2.05", driver.findElement(By.id("min")).getAttribute("value"), "the form keeps the range");
            for (WebElement act : driver.findElements(By.cssSelector("#hits .meta b"))) {
                double a = Double.parseDouble(act.getText());
                assertTrue(a >= 2.05 && a <= 5, act.getText());
            }
            screenshot("2b-activation-range");
        } catch (RuntimeException | AssertionError e) {
            screenshot("FAILED");
            throw e;
        }
    }

    /** Installs the real steering plugin, opens its page from the home page and generates on a tiny checkpoint. */
    @Test
    void steeringPlaygroundShowsSteeredBesideUnsteered() {
        SteeringPlugin.writeCheckpoint(dir);
        SteeringPlugin.install(web);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        try {
            driver.get(web.uri("/").toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Steering playground"))).click();
            WebElement checkpoint = wait.until(ExpectedConditions.elementToBeClickable(By.id("checkpoint")));
            assertEquals(SteeringPlugin.CHECKPOINT, checkpoint.getAttribute("value"), "the work dir's checkpoint");
            driver.findElement(By.id("positive")).sendKeys("good happy kind\nthe cat is good");
            driver.findElement(By.id("negative")).sendKeys("bad sad cruel\nthe cat is bad");
            driver.findElement(By.id("hook")).sendKeys("blocks.0.hook_resid_post");
            WebElement coefficient = driver.findElement(By.id("coefficient"));
            coefficient.clear();
            coefficient.sendKeys("20");
            WebElement tokens = driver.findElement(By.id("tokens"));
            tokens.clear();
            tokens.sendKeys("12");
            driver.findElement(By.id("prompt")).sendKeys("the cat");
            driver.findElement(By.id("generate")).click();
            WebElement steered = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#steered pre.generated b")));
            String plain = driver.findElement(By.cssSelector("#unsteered pre.generated b")).getAttribute("textContent");
            String changed = steered.getAttribute("textContent");
            assertFalse(plain.isEmpty() || changed.isEmpty(), "both continuations are shown");
            assertNotEquals(plain, changed, "20 x the direction changes the greedy continuation");
            assertTrue(driver.findElement(By.id("about")).getText().contains("mean difference of 2 positive"));
            screenshot("3-steering");
        } catch (RuntimeException | AssertionError e) {
            screenshot("FAILED");
            throw e;
        }
    }

    @Test
    void homeLinksToARunPageWithItsLossCurve() {
        RunsFixture.write(dir.resolve("runs"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        try {
            driver.get(web.uri("/").toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#runs a[href='/run/induction']")))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("run"), "induction"));
            assertFalse(driver.findElements(By.cssSelector("svg.loss-curve polyline")).isEmpty());
            assertFalse(driver.findElements(By.cssSelector("#findings li.state.bad")).isEmpty());
            screenshot("1-run");
        } catch (RuntimeException | AssertionError e) {
            screenshot("FAILED");
            throw e;
        }
    }

    private void screenshot(String step) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(testName + "-" + step + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // a failed screenshot must not hide the failure being recorded
        }
    }
}
