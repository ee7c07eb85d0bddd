package com.vetacrm.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of the few real-browser tests: Veta on a random port, driven by Debian's headless Chromium
 * through Selenium. Nothing is downloaded: the browser and driver come from the system packages
 * ({@code apt-get install chromium chromium-driver}). Without them the tests fail under CI and are
 * skipped, with the reason, on a developer machine.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestExecutionListeners(listeners = ResetDatabaseListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class BrowserTest {

    private static final String CHROMIUM = System.getProperty("veta.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("veta.chromedriver", "/usr/bin/chromedriver");

    @Value("${local.server.port}")
    private int port;

    protected WebDriver driver;
    private Path profileDir;

    @BeforeEach
    void startBrowser() throws Exception {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        String missing = "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER
                + "): apt-get install chromium chromium-driver";
        if (System.getenv("CI") != null) {
            Assertions.assertTrue(installed, missing);
        } else {
            Assumptions.assumeTrue(installed, missing);
        }
        profileDir = Files.createTempDirectory("veta-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US",
                "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser(TestInfo test) {
        if (driver != null) {
            saveScreenshot(test);
            driver.quit();
        }
        if (profileDir != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profileDir.toFile());
        }
    }

    /** The last screen of every browser test, for a person to look at: target/screenshots/. */
    private void saveScreenshot(TestInfo test) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            String name = getClass().getSimpleName() + "-" + test.getTestMethod().map(m -> m.getName()).orElse("test");
            Files.write(dir.resolve(name + ".png"), png);
        } catch (Exception e) {
            // a missing screenshot must not hide the test's own result
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    protected void open(String path) {
        driver.get(url(path));
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    protected WebElement waitFor(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Signs in through the real login form, as a user would. */
    protected void signIn(String username, String password) {
        open("login");
        WebElement user = waitFor(By.cssSelector("#vaadinLoginUsername input"));
        user.sendKeys(username);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
