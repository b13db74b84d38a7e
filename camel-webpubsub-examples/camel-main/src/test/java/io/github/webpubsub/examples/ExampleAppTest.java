package io.github.webpubsub.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.examples.support.PageClient;

/** The example end to end with its defaults: in-process emulator, embedded Artemis, the JMS bridge. */
class ExampleAppTest {

    private static ExampleApp app;
    private static String baseUrl;

    @BeforeAll
    static void startExample() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        app = ExampleApp.start(ExampleSettings.local(port, "jms", null));
        baseUrl = "http://localhost:" + port + "/";
        await().until(() -> app.emulator().connections("chat").stream()
                .anyMatch(c -> "camel-bridge".equals(c.userId()) && c.groups().contains("chat")));
    }

    @AfterAll
    static void stopExample() throws Exception {
        app.close();
    }

    @Test
    void theChatPageIsServed() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Web PubSub chat").contains("negotiate");
    }

    @Test
    void aChatLineGoesThroughTheBrokerAndTheAnswerComesBackToTheGroup() throws Exception {
        long before = app.brokerMessagesAdded("chat.incoming");
        try (PageClient alice = PageClient.connect(baseUrl, "alice"); PageClient bob = PageClient.connect(baseUrl, "bob")) {
            alice.say("chat", "hello from the page");

            String answer = "camel-bridge: Camel got \"hello from the page\" from alice";
            await().until(() -> alice.lines().contains(answer) && bob.lines().contains(answer));
            assertThat(bob.lines()).contains("alice: hello from the page");
            assertThat(app.brokerMessagesAdded("chat.incoming")).isGreaterThan(before);
            assertThat(app.brokerMessagesAdded("chat.outgoing")).isPositive();
        }
    }

    @Test
    void messagesPutOnTheOutgoingQueueReachThePage() throws Exception {
        try (PageClient carol = PageClient.connect(baseUrl, "carol")) {
            app.camelContext().createProducerTemplate().sendBody("jms:queue:chat.outgoing", "maintenance at noon");

            await().until(() -> carol.lines().contains("camel-bridge: maintenance at noon"));
        }
    }

    @Test
    void negotiatedTokensAreLimitedToTheChatGroup() throws Exception {
        assertThat(PageClient.negotiate(baseUrl, "../../etc").getString("user")).startsWith("guest-");
        try (PageClient dave = PageClient.connect(baseUrl, "dave")) {
            assertThatThrownBy(() -> dave.say("admin", "let me in")).cause()
                    .isInstanceOfSatisfying(SendFailedException.class, e -> assertThat(e.errorName()).isEqualTo("Forbidden"));
        }
    }

    @Test
    void everyPartOfTheExampleRuns() {
        assertThat(app.camelContext().getRoutes()).extracting(r -> r.getRouteId()).contains("chat-to-broker", "assistant",
                "broker-to-chat", "server-messages", "heartbeat", "lifecycle", "chat-page", "negotiate");
        assertThat(app.camelContext().getRouteController().getRouteStatus("lifecycle")).isEqualTo(ServiceStatus.Started);
    }
}
