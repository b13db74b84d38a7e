package io.github.webpubsub.emulator.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.github.webpubsub.emulator.support.HeadlessChromium;

/**
 * The live trace page in a real browser (Debian's headless Chromium): opened before a client runs the scenario of
 * {@link LiveTraceScenario}, it shows each step as a row, in order, and filters them. The screenshot is kept in
 * target/screenshots (docs/images/emulator-trace.png is a copy).
 */
class TracePageBrowserTest {

    @BeforeAll
    static void needsChromium() {
        HeadlessChromium.assumeInstalled();
    }

    private static List<String> rowKinds(WebDriver driver) {
        return driver.findElements(By.cssSelector("#entries tr.entry")).stream().map(r -> r.getAttribute("data-kind")).toList();
    }

    private static String details(WebDriver driver, String kind) {
        return driver.findElements(By.cssSelector("#entries tr[data-kind='" + kind + "'] td.details")).stream()
                .map(WebElement::getText).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void thePageShowsTheScenarioLiveAndInOrder() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start(); HeadlessChromium browser = HeadlessChromium.start(1400, 760)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(emulator.traceUrl());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "live"));

            LiveTraceScenario scenario = new LiveTraceScenario();
            scenario.run(emulator);
            wait.until(d -> rowKinds(d).contains("leaveGroup"));

            assertThat(rowKinds(driver)).containsExactly("connected", "joinGroup", "ack", "message", "ack", "message",
                    "sequenceAck", "message", "ack", "message", "ack", "message", "rest", "fault", "dropped", "recovery",
                    "disconnected", "leaveGroup");
            assertThat(details(driver, "ack")).contains("ackId 1 (joinGroup chat): Success", "ackId 3 (sendToGroup secret): Forbidden",
                    "ackId 2 (sendToGroup chat): Duplicate", "unacked 0/1000");
            assertThat(details(driver, "message")).contains("out \u2192 from group chat (alice), sequenceId 1, text, 10 B",
                    "unacked 1/1000");
            assertThat(details(driver, "fault")).contains("applied drop");
            assertThat(details(driver, "recovery")).contains("recovered, 1 unacked redelivered");
            assertThat(driver.getPageSource()).doesNotContain("hello chat");
            scenario.secrets.forEach(secret -> assertThat(driver.getPageSource()).doesNotContain(secret));
            Path screenshot = browser.screenshot("emulator-trace");
            assertThat(Files.size(screenshot)).isPositive();

            // Filters narrow the rows the page keeps; clearing the filter brings them back.
            driver.findElement(By.id("kind")).sendKeys("ack");
            wait.until(d -> rowKinds(d).equals(List.of("ack", "ack", "ack", "ack")));
            driver.findElement(By.id("group")).sendKeys("secret");
            wait.until(d -> rowKinds(d).equals(List.of("ack")));
            driver.findElement(By.id("group")).clear();
            driver.findElement(By.id("kind")).sendKeys("all");
            wait.until(d -> rowKinds(d).size() == 18);
        }
    }

    @Test
    void payloadsShowOnlyWhenAskedAndPauseHoldsNewRows() throws Exception {
        try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start(); HeadlessChromium browser = HeadlessChromium.start(1400, 760)) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(emulator.traceUrl());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "live"));
            driver.findElement(By.id("payloads")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "with payloads"));
            driver.findElement(By.id("pause")).click();

            new LiveTraceScenario().run(emulator);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("counts"), "paused, 18 new"));
            assertThat(rowKinds(driver)).isEmpty();
            driver.findElement(By.id("pause")).click();
            wait.until(d -> rowKinds(d).size() == 18);
            assertThat(details(driver, "message")).contains("hello chat", "from the app server");

            driver.findElement(By.id("clear")).click();
            wait.until(d -> rowKinds(d).isEmpty());
        }
    }
}
