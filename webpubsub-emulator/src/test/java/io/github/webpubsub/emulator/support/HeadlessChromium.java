package io.github.webpubsub.emulator.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through Selenium, from Debian's {@code chromium} and {@code chromium-driver} packages,
 * for the emulator's own page tests. Both binaries are given to Selenium, so Selenium Manager never looks for or
 * downloads a browser or driver.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Where Debian's {@code chromium-driver} package puts the matching ChromeDriver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Screenshots land here (the module's target/screenshots), so CI can keep them as artifacts. */
    public static final Path SCREENSHOT_DIR = Path.of("target", "screenshots");

    /**
     * Selenium warns at every start that it has no CDP bindings for this Chromium; WebDriver alone is used, so the
     * warning is noise. A field, because java.util.logging holds loggers weakly and would forget the level.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final WebDriver driver;

    private HeadlessChromium(WebDriver driver) {
        this.driver = driver;
    }

    /** Skips the test without Chromium, unless {@code WEBPUBSUB_BROWSER_TESTS=required} (as on CI). */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        boolean required = "required".equals(System.getenv("WEBPUBSUB_BROWSER_TESTS"));
        Assumptions.assumeTrue(installed || required,
                "Headless Chromium is not installed: apt-get install -y chromium chromium-driver to run the browser test");
    }

    /** Starts the browser at a fixed window size, so that screenshots compare from run to run. */
    public static HeadlessChromium start(int width, int height) {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: apt-get install -y chromium chromium-driver");
            }
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File("target", "chromedriver.log")).withAppendLog(true).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox as root in a container; /tmp instead of a tiny /dev/shm; no GPU to probe.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        ChromeDriver chrome;
        try {
            chrome = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(chrome);
    }

    /** The Selenium driver, valid until {@link #close()}. */
    public WebDriver driver() {
        return driver;
    }

    /** Saves what the page shows as {@code target/screenshots/<name>.png}; the name must be a plain file name. */
    public Path screenshot(String name) {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("screenshot name must be a plain file name: " + name);
        }
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Path file = SCREENSHOT_DIR.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOT_DIR);
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + file, e);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
