package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.webpubsub.client.support.TlsTunnel;

/** Suspend and resume, route errors, and wss with a trust store given as Camel sslContextParameters. */
class WebPubSubConsumerBehaviourTest extends WebPubSubTestSupport {

    private static TlsTunnel tls;

    @TempDir
    static Path tempDir;

    private final List<Throwable> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTunnel() {
        tls = new TlsTunnel(emulator.get().port());
    }

    @AfterAll
    static void stopTunnel() {
        tls.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("tunnelTrust", trustFor(tls));
        context.getRegistry().bind("recordingHandler", (ExceptionHandler) new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
                handled.add(exception);
            }
        });
        return context;
    }

    /** A PKCS12 trust store holding the tunnel's self-signed certificate, as an operator would configure one. */
    private static SSLContextParameters trustFor(TlsTunnel tunnel) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream pem = Files.newInputStream(Path.of(tunnel.certificatePath()))) {
            store.setCertificateEntry("tunnel", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        Path file = tempDir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setResource("file:" + file);
        keyStore.setPassword("changeit");
        keyStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(keyStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:pausable?userId=pausable").routeId("pausable").to("mock:pausable");
                from("webpubsub:faulty?userId=faulty&exceptionHandler=#recordingHandler").routeId("faulty")
                        .filter(body().isEqualTo("boom")).throwException(new IllegalStateException("route failed")).end()
                        .to("mock:faulty");
                from("direct:send").to("webpubsub:?userId=sender");
            }
        };
    }

    private void send(String group, String body) {
        template.sendBodyAndHeader("direct:send", body, WebPubSubConstants.GROUP, group);
    }

    @Test
    void suspendLeavesTheGroupAndResumeJoinsItAgain() throws Exception {
        await().until(() -> connectionsOf("pausable").stream().anyMatch(c -> c.groups().contains("pausable")));
        MockEndpoint mock = getMockEndpoint("mock:pausable");
        mock.expectedBodiesReceived("before", "after");

        send("pausable", "before");
        await().until(() -> mock.getReceivedCounter() == 1);
        context.getRouteController().suspendRoute("pausable");
        await().until(() -> connectionsOf("pausable").get(0).groups().isEmpty());
        send("pausable", "while suspended");
        context.getRouteController().resumeRoute("pausable");
        await().until(() -> connectionsOf("pausable").get(0).groups().contains("pausable"));
        send("pausable", "after");

        mock.assertIsSatisfied();
    }

    @Test
    void aFailingExchangeGoesToTheExceptionHandlerAndDeliveryGoesOn() throws Exception {
        await().until(() -> connectionsOf("faulty").stream().anyMatch(c -> c.groups().contains("faulty")));
        MockEndpoint mock = getMockEndpoint("mock:faulty");
        mock.expectedBodiesReceived("fine", "still fine");

        send("faulty", "fine");
        send("faulty", "boom");
        send("faulty", "still fine");

        mock.assertIsSatisfied();
        await().until(() -> !handled.isEmpty());
        assertThat(handled).singleElement().satisfies(e -> assertThat(e).hasMessage("route failed"));
        WebPubSubConsumer consumer = (WebPubSubConsumer) context.getRoute("faulty").getConsumer();
        assertThat(consumer.getFailedExchanges()).isEqualTo(1);
        assertThat(consumer.getProcessedExchanges()).isEqualTo(3);
    }

    @Test
    void sslContextParametersTrustAWssEndpoint() throws Exception {
        String url = emulator.get().clientAccessUrl(HUB, "secure", List.of("webpubsub.joinLeaveGroup"), List.of())
                .replace("ws://localhost:" + emulator.get().port(), "wss://localhost:" + tls.port());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:secure?clientAccessUrl=RAW(" + url + ")&sslContextParameters=#tunnelTrust")
                        .routeId("secure").to("mock:secure");
            }
        });
        MockEndpoint mock = getMockEndpoint("mock:secure");
        mock.expectedBodiesReceived("over wss");
        await().until(() -> connectionsOf("secure").stream().anyMatch(c -> c.groups().contains("secure")));

        send("secure", "over wss");

        mock.assertIsSatisfied();
    }
}
