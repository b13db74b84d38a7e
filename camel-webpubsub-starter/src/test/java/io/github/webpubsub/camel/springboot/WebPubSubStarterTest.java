package io.github.webpubsub.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.camel.WebPubSubEndpoint;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * A Spring Boot application configured only by properties ({@code application.properties} here, the connection
 * string from the emulator) bridges a group to another and sends acked messages, with every option as the
 * properties say.
 */
@SpringBootTest(classes = BridgeApplication.class)
@ExtendWith(OutputCaptureExtension.class)
class WebPubSubStarterTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @DynamicPropertySource
    static void emulatorConnection(DynamicPropertyRegistry properties) {
        properties.add("camel.component.webpubsub.connection-string", () -> emulator.get().connectionString());
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate producer;

    @Test
    void aMessageFromABrowserIsBridgedToTheOtherGroup() throws Exception {
        try (GroupPeer browser = new GroupPeer(emulator.get(), "chat", "outbox")) {
            browser.send("inbox", "hello");

            assertThat(browser.next(Duration.ofSeconds(30))).isEqualTo("hello!");
        }
    }

    @Test
    void aSendFromTheApplicationCompletesOnceAckedAndArrives() throws Exception {
        try (GroupPeer browser = new GroupPeer(emulator.get(), "chat", "outbox")) {
            // The exchange completes only with the service's ack; a failed send would throw here.
            producer.requestBody("direct:announce", "maintenance at noon");

            assertThat(browser.next(Duration.ofSeconds(30))).isEqualTo("maintenance at noon");
        }
    }

    @Test
    void everyPropertyReachesTheComponentAndItsEndpoints() {
        WebPubSubComponent component = camelContext.getComponent("webpubsub", WebPubSubComponent.class);
        WebPubSubEndpoint outbox = camelContext.getEndpoint("webpubsub:outbox", WebPubSubEndpoint.class);

        // application.properties: ack-timeout=10s, retry-delay=250 (milliseconds), user-id, max-retries.
        assertThat(outbox.getConfiguration().getAckTimeout()).isEqualTo(10_000);
        assertThat(outbox.getConfiguration().getRetryDelay()).isEqualTo(250);
        assertThat(outbox.getConfiguration().getMaxRetries()).isEqualTo(5);
        assertThat(component.getConfiguration().getUserId()).isEqualTo("boot-bridge");
        assertThat(emulator.get().connections("chat")).anySatisfy(
                connection -> assertThat(connection.userId()).isEqualTo("boot-bridge"));
    }

    /**
     * The tests above ran on the class path a Boot application resolves: Spring Boot 4.0's Netty 4.2 and Jackson 2.21
     * under Vert.x 4.5, which was built on Netty 4.1 and Jackson 2.22.
     */
    @Test
    void theClassPathIsSpringBootsMix() {
        String netty = io.netty.util.Version.identify().get("netty-common").artifactVersion();
        String jackson = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        String vertx = io.vertx.core.Vertx.class.getPackage().getImplementationVersion();
        System.out.printf("Running on Netty %s, Jackson %s, Vert.x %s, Camel %s%n", netty, jackson, vertx,
                camelContext.getVersion());

        assertThat(netty).startsWith("4.2.");
        assertThat(jackson).startsWith("2.21.");
        assertThat(camelContext.getVersion()).isEqualTo("4.22.0");
    }

    @Test
    void theAccessKeyNeverShowsInTheLog(CapturedOutput output) throws Exception {
        try (GroupPeer browser = new GroupPeer(emulator.get(), "chat", "outbox")) {
            producer.requestBody("direct:announce", "logged at debug");
            assertThat(browser.next(Duration.ofSeconds(30))).isEqualTo("logged at debug");
        }

        // DEBUG shows the URL each connection opens, with its token masked.
        assertThat(output.getAll()).contains("access_token=***").doesNotContain(emulator.get().accessKey())
                .doesNotContainPattern("access_token=(?!\\*\\*\\*)");
    }
}
