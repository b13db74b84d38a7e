package io.github.webpubsub.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.github.webpubsub.emulator.support.HeadlessChromium;
import io.github.webpubsub.examples.support.PageClient;

/**
 * The chat page in a real browser (Debian's headless Chromium): it negotiates a URL, connects to the emulator over
 * its own WebSocket, and what a person types reaches the routes and the broker, with the answer shown on the page.
 * The screenshot is kept in target/screenshots.
 */
class ChatPageBrowserTest {

    private static ExampleApp app;
    private static String baseUrl;

    @BeforeAll
    static void startExample() throws Exception {
        HeadlessChromium.assumeInstalled();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        app = ExampleApp.start(ExampleSettings.local(port, "jms", null));
        baseUrl = "http://localhost:" + port + "/";
    }

    @AfterAll
    static void stopExample() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void whatAPersonTypesReachesTheBrokerAndTheAnswerAppearsOnThePage() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 800); PageClient bob = PageClient.connect(baseUrl, "bob")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(baseUrl + "?user=alice");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Connected as alice"));

            driver.findElement(By.id("text")).sendKeys("hello from the browser");
            driver.findElement(By.id("send")).click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Camel got \"hello from the browser\" from alice"));
            bob.say("chat", "hi alice, bob here");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "hi alice, bob here"));
            Path screenshot = browser.screenshot("chat-page");

            assertThat(bob.lines()).contains("alice: hello from the browser");
            assertThat(app.brokerMessagesAdded("chat.incoming")).isPositive();
            assertThat(Files.size(screenshot)).isPositive();
        }
    }
}
