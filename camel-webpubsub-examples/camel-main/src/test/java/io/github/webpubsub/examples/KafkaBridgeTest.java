package io.github.webpubsub.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.examples.support.EmbeddedKafka;
import io.github.webpubsub.examples.support.PageClient;

/** The same bridge over Kafka, against a real broker running in-process in KRaft mode. */
class KafkaBridgeTest {

    private static EmbeddedKafka kafka;
    private static ExampleApp app;
    private static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start();
        kafka.createTopic("chat-incoming", 1);
        kafka.createTopic("chat-outgoing", 1);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        app = ExampleApp.start(ExampleSettings.local(port, "kafka", kafka.bootstrapServers()));
        baseUrl = "http://localhost:" + port + "/";
        await().until(() -> app.emulator().connections("chat").stream()
                .anyMatch(c -> "camel-bridge".equals(c.userId()) && c.groups().contains("chat")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        kafka.close();
    }

    @Test
    void aChatLineGoesThroughKafkaAndTheAnswerComesBack() throws Exception {
        try (PageClient erin = PageClient.connect(baseUrl, "erin")) {
            erin.say("chat", "hello kafka");

            // The first consumer-group join of each route takes a few seconds on a fresh broker.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> erin.lines().contains("camel-bridge: Camel got \"hello kafka\" from erin"));
        }
    }

    @Test
    void recordsOnTheOutgoingTopicReachThePage() throws Exception {
        try (PageClient frank = PageClient.connect(baseUrl, "frank")) {
            app.camelContext().createProducerTemplate().sendBody("kafka:chat-outgoing", "from a Kafka producer");

            await().atMost(Duration.ofSeconds(60)).until(() -> frank.lines().contains("camel-bridge: from a Kafka producer"));
            assertThat(frank.lines()).doesNotHaveDuplicates();
        }
    }
}
