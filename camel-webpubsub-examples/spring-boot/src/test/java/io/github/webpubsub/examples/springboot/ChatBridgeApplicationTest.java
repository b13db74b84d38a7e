package io.github.webpubsub.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.webpubsub.camel.WebPubSubEndpoint;
import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;

/**
 * The Spring Boot bridge end to end as its application.properties configure it (only the connection string points
 * at the test's emulator): the page, the negotiate endpoint, a chat line through Boot's embedded Artemis and the
 * answer back in the group.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatBridgeApplicationTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @DynamicPropertySource
    static void emulatorConnection(DynamicPropertyRegistry properties) {
        properties.add("camel.component.webpubsub.connection-string", () -> emulator.get().connectionString());
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    @BeforeEach
    void bridgeHasJoinedTheChat() {
        await().atMost(Duration.ofSeconds(30)).until(() -> emulator.get().connections("chat").stream()
                .anyMatch(c -> "camel-bridge".equals(c.userId()) && c.groups().contains("chat")));
    }

    @Test
    void theChatPageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Web PubSub chat").contains("negotiate");
    }

    @Test
    void aChatLineGoesThroughTheBrokerAndTheAnswerComesBackToTheGroup() throws Exception {
        JsonNode negotiated = JSON.readTree(get("/negotiate?user=alice").body());
        assertThat(negotiated.get("user").asText()).isEqualTo("alice");

        BlockingQueue<String> chat = new LinkedBlockingQueue<>();
        try (WebPubSubClient alice = WebPubSubClient.create(
                WebPubSubClientOptions.of(ClientAccessUrlProvider.fixed(negotiated.get("url").asText())))) {
            alice.addListener(event -> {
                if (event instanceof WebPubSubEvent.GroupMessage message) {
                    chat.add(message.data().asText());
                }
            });
            alice.start().get(30, TimeUnit.SECONDS);
            alice.joinGroup("chat").get(30, TimeUnit.SECONDS);
            alice.sendToGroup("chat", MessageData.text("hello from Boot")).get(30, TimeUnit.SECONDS);

            // Her own line first (the group echoes it), then the assistant's answer through both JMS queues.
            assertThat(chat.poll(30, TimeUnit.SECONDS)).isEqualTo("hello from Boot");
            assertThat(chat.poll(30, TimeUnit.SECONDS)).isEqualTo("Camel got \"hello from Boot\" from alice");
        }
    }

    @Test
    void theBridgeRunsWithThePropertiesOfApplicationProperties() {
        WebPubSubEndpoint toChat = camelContext.getEndpoint("webpubsub:chat?noEcho=true", WebPubSubEndpoint.class);

        assertThat(toChat.getConfiguration().getAckTimeout()).isEqualTo(10_000);
        assertThat(toChat.getConfiguration().getMaxRetries()).isEqualTo(5);
        assertThat(toChat.getConfiguration().getHub()).isEqualTo("chat");
    }

    @Test
    void itRunsOnTheClassPathSpringBootResolves() {
        String netty = io.netty.util.Version.identify().get("netty-common").artifactVersion();
        System.out.printf("Running on Spring Boot %s, Camel %s, Netty %s, Jackson %s%n",
                org.springframework.boot.SpringBootVersion.getVersion(), camelContext.getVersion(), netty,
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);

        assertThat(org.springframework.boot.SpringBootVersion.getVersion()).isEqualTo("4.0.7");
        assertThat(camelContext.getVersion()).isEqualTo("4.22.0");
        assertThat(netty).startsWith("4.2.");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
