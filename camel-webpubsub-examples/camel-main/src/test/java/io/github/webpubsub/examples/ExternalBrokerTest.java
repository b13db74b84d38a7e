package io.github.webpubsub.examples;

import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.examples.support.PageClient;

/** ARTEMIS_URL points the JMS bridge at a broker of your own, here one listening on TCP in the test. */
class ExternalBrokerTest {

    private static EmbeddedActiveMQ broker;
    private static ExampleApp app;
    private static String baseUrl;

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        int brokerPort = freePort();
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false).setSecurityEnabled(false)
                .addAcceptorConfiguration("tcp", "tcp://localhost:" + brokerPort));
        broker.start();
        int httpPort = freePort();
        app = ExampleApp.start(new ExampleSettings(null, "chat", 0, httpPort, "jms", "tcp://localhost:" + brokerPort, null));
        baseUrl = "http://localhost:" + httpPort + "/";
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        broker.stop();
    }

    @Test
    void theBridgeRunsThroughTheGivenBroker() throws Exception {
        await().until(() -> app.emulator().connections("chat").stream()
                .anyMatch(c -> "camel-bridge".equals(c.userId()) && c.groups().contains("chat")));
        try (PageClient gina = PageClient.connect(baseUrl, "gina")) {
            gina.say("chat", "over tcp");

            await().until(() -> gina.lines().contains("camel-bridge: Camel got \"over tcp\" from gina"));
            await().until(() -> broker.getActiveMQServer().locateQueue("chat.incoming") != null
                    && broker.getActiveMQServer().locateQueue("chat.incoming").getMessagesAdded() > 0);
        }
    }
}
