package io.github.webpubsub.examples.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through Selenium, using only Debian's {@code chromium} and
 * {@code chromium-driver} packages.
 *
 * <p>Both binaries are given to Selenium explicitly, so Selenium Manager is never asked to find
 * or download a browser or driver: the test machines reach no site that serves them.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start()) {
 *     browser.driver().get(url);
 *     browser.screenshot("chat");
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser (a launcher script). */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** Where Debian's {@code chromium-driver} package puts the matching ChromeDriver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Screenshots land here, so CI can keep them as test artifacts. */
    public static final Path SCREENSHOT_DIR = Path.of("target", "screenshots");

    /**
     * Selenium logs a WARNING at every start because it ships no CDP bindings for this exact
     * Chromium version; we use WebDriver only, never DevTools, so that warning is noise. Kept in a
     * field because java.util.logging holds loggers weakly and would forget the level.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final WebDriver driver;

    private HeadlessChromium(WebDriver driver) {
        this.driver = driver;
    }

    /**
     * Starts a headless Chromium from {@link #CHROMIUM} with {@link #CHROMEDRIVER}.
     *
     * @return a running browser; close it to end the browser and driver processes
     * @throws IllegalStateException if either binary is missing or not executable
     */
    public static HeadlessChromium start() {
        return start(CHROMIUM, CHROMEDRIVER);
    }

    /** Same as {@link #start()} with other binaries; package-private so a test can check the missing-binary message. */
    static HeadlessChromium start(Path chromium, Path chromedriver) {
        requireExecutable(chromium, "chromium");
        requireExecutable(chromedriver, "chromium-driver");

        // Selenium skips Selenium Manager when the driver path is known; set both the property
        // (read by any other ChromeDriverService a test might build) and the service executable.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                // Keep the driver's own log as an artifact: it is the first place to look when
                // the browser dies at start-up in a container.
                .withLogFile(new File("target", "chromedriver.log"))
                .withAppendLog(true)
                .build();

        ChromeOptions options = new ChromeOptions();
        // Setting the binary also keeps Selenium Manager from looking for a Chrome build.
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless=new",
                // CI runs as root in a container, where Chromium's sandbox cannot start.
                "--no-sandbox",
                // Containers often have a tiny /dev/shm; use /tmp so renderers do not crash.
                "--disable-dev-shm-usage",
                // No GPU here; skip probing for one.
                "--disable-gpu",
                // A fixed size makes screenshots comparable from run to run.
                "--window-size=1280,800");

        ChromeDriver chromeDriver;
        try {
            chromeDriver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            // Make sure a failed start leaves no chromedriver process behind; stopping twice is harmless.
            service.stop();
            throw e;
        }
        // Bounded so that a hung page fails the test instead of the whole CI run.
        chromeDriver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chromeDriver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(chromeDriver);
    }

    /**
     * Skips the calling test when Chromium is not installed, so that {@code mvn verify} also passes on a machine
     * without it; CI sets {@code WEBPUBSUB_BROWSER_TESTS=required}, and there a missing browser fails the test.
     */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        boolean required = "required".equals(System.getenv("WEBPUBSUB_BROWSER_TESTS"));
        org.junit.jupiter.api.Assumptions.assumeTrue(installed || required,
                "Headless Chromium is not installed: apt-get install -y chromium chromium-driver to run the browser test");
    }

    private static void requireExecutable(Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing or not executable: install Debian's "
                    + debianPackage + " package (apt-get install -y chromium chromium-driver)");
        }
    }

    /**
     * The Selenium driver of this browser.
     *
     * @return the driver; valid until {@link #close()}
     */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Saves what the page shows now as {@code target/screenshots/<name>.png}, replacing any earlier one.
     *
     * @param name file name without extension; letters, digits, '.', '_' and '-' only
     * @return the path of the PNG written
     * @throws IllegalArgumentException if the name could leave the screenshot directory
     * @throws UncheckedIOException if the file cannot be written
     */
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

    /** Ends the browser and its driver process. */
    @Override
    public void close() {
        driver.quit();
    }
}
