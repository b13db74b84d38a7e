package io.github.webpubsub.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.camel.WebPubSubComponent;
import io.github.webpubsub.camel.WebPubSubConstants;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.emulator.WebPubSubEmulator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * The Quarkus example end to end, in one application boot: Camel Quarkus 3.33 (Camel 4.18), the component configured
 * only by {@code application.properties}, an emulator standing in for Azure, the embedded Artemis broker.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class ChatBridgeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Injected by {@link EmulatorResource}. */
    WebPubSubEmulator emulator;

    @Inject
    CamelContext camel;

    @Inject
    Broker broker;

    @Inject
    Vertx vertx;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void bridgeHasJoinedTheChat() {
        await().atMost(WAIT).until(() -> emulator.connections("chat").stream()
                .anyMatch(c -> "camel-bridge".equals(c.userId()) && c.groups().contains("chat")));
    }

    @Test
    void theComponentRunsOnCamel418() {
        // The low end of the supported range (4.18 to 4.22): what Camel Quarkus 3.33 manages.
        assertThat(camel.getVersion()).startsWith("4.18");
    }

    @Test
    void applicationPropertiesConfigureTheComponent() {
        WebPubSubComponent component = camel.getComponent("webpubsub", WebPubSubComponent.class);

        // hub and user-id: the bridge's connection, as the service sees it (checked before each test).
        assertThat(emulator.connections("chat")).anyMatch(c -> "camel-bridge".equals(c.userId()));
        // Durations in Camel's notation bind to the options.
        assertThat(component.getConfiguration().getAckTimeout()).isEqualTo(10_000);
        assertThat(component.getConfiguration().getReconnectDelay()).isEqualTo(500);
        // One Vert.x in the application: the component autowired Quarkus's own.
        assertThat(component.getVertx()).isSameAs(vertx);
    }

    @Test
    void aChatLineGoesThroughTheBrokerAndTheAnswerComesBackToTheGroup() throws Exception {
        long before = broker.messagesAdded("chat.incoming");
        try (PageClient alice = PageClient.connect(base.toString(), "alice");
                PageClient bob = PageClient.connect(base.toString(), "bob")) {
            alice.say("chat", "hello from the page");

            String answer = "camel-bridge: Camel got \"hello from the page\" from alice";
            await().atMost(WAIT).until(() -> alice.lines().contains(answer) && bob.lines().contains(answer));
            assertThat(bob.lines()).contains("alice: hello from the page");
            assertThat(broker.messagesAdded("chat.incoming")).isGreaterThan(before);
            assertThat(broker.messagesAdded("chat.outgoing")).isPositive();
        }
    }

    @Test
    void sendsToTheGroupAreAckedByTheService() throws Exception {
        try (PageClient carol = PageClient.connect(base.toString(), "carol")) {
            Exchange sent = camel.createProducerTemplate().request("webpubsub:chat?noEcho=true",
                    e -> e.getMessage().setBody("maintenance at noon"));

            assertThat(sent.getException()).isNull();
            assertThat(sent.getMessage().getHeader(WebPubSubConstants.ACK_ID, Long.class)).isNotNull();
            assertThat(sent.getMessage().getHeader(WebPubSubConstants.DUPLICATE, Boolean.class)).isFalse();
            await().atMost(WAIT).until(() -> carol.lines().contains("camel-bridge: maintenance at noon"));
        }
    }

    @Test
    void theChatPageIsServedAndTokensAreLimitedToTheChatGroup() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI()).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Web PubSub chat").contains("negotiate");

        assertThat(PageClient.negotiate(base.toString(), "../../etc").getString("user")).startsWith("guest-");
        try (PageClient dave = PageClient.connect(base.toString(), "dave")) {
            assertThatThrownBy(() -> dave.say("admin", "let me in")).cause()
                    .isInstanceOfSatisfying(SendFailedException.class, e -> assertThat(e.errorName()).isEqualTo("Forbidden"));
        }
    }

    @Test
    void everyRouteRuns() {
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId())
                .contains("chat-to-broker", "assistant", "broker-to-chat", "server-messages", "lifecycle");
        assertThat(camel.getRouteController().getRouteStatus("lifecycle")).isEqualTo(ServiceStatus.Started);
    }
}
