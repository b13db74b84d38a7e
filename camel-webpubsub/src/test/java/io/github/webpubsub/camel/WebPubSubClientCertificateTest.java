package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.webpubsub.client.support.TlsTunnel;
import io.vertx.core.net.SelfSignedCertificate;

/**
 * sslContextParameters is applied whole: a wss server that requires a client certificate accepts the one its key
 * managers hold, and the same endpoint without them never gets in.
 */
class WebPubSubClientCertificateTest extends WebPubSubTestSupport {

    private static SelfSignedCertificate clientCertificate;
    private static TlsTunnel mutualTls;

    @TempDir
    static Path tempDir;

    @BeforeAll
    static void startTunnel() {
        clientCertificate = SelfSignedCertificate.create("webpubsub-client");
        mutualTls = new TlsTunnel(emulator.get().port(), clientCertificate.trustOptions());
    }

    @AfterAll
    static void stopTunnel() {
        mutualTls.close();
        clientCertificate.delete();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("withCertificate", parameters(true));
        context.getRegistry().bind("withoutCertificate", parameters(false));
        return context;
    }

    private static SSLContextParameters parameters(boolean withKeys) throws Exception {
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(TestKeyStores.trusting(tempDir, "trust.p12", mutualTls.certificatePath()));
        if (withKeys) {
            parameters.setKeyManagers(TestKeyStores.keys(tempDir, "client.p12", "client", clientCertificate));
        }
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(List.of("TLSv1.3", "TLSv1.2"));
        parameters.setSecureSocketProtocols(protocols);
        return parameters;
    }

    private String url(String userId) {
        return emulator.get().clientAccessUrl(HUB, userId, List.of("webpubsub.joinLeaveGroup"), List.of())
                .replace("ws://localhost:" + emulator.get().port(), "wss://localhost:" + mutualTls.port());
    }

    @Test
    void aServerThatRequiresAClientCertificateAcceptsTheOneInTheKeyManagers() throws Exception {
        String withCertificate = url("certified");
        String withoutCertificate = url("uncertified");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webpubsub:mtls?clientAccessUrl=RAW(" + withCertificate + ")&sslContextParameters=#withCertificate")
                        .routeId("certified").to("mock:certified");
                from("direct:mtls").to("webpubsub:mtls?userId=plain-sender");
                from("webpubsub:mtls?clientAccessUrl=RAW(" + withoutCertificate + ")&sslContextParameters=#withoutCertificate"
                        + "&reconnectDelay=200ms&maxReconnectDelay=200ms").routeId("uncertified").to("mock:uncertified");
            }
        });
        MockEndpoint certified = getMockEndpoint("mock:certified");
        certified.expectedBodiesReceived("over mutual tls");
        await().until(() -> connectionsOf("certified").stream().anyMatch(c -> c.groups().contains("mtls")));

        template.sendBody("direct:mtls", "over mutual tls");

        certified.assertIsSatisfied();
        // Without the client certificate the server refuses the TLS handshake, again and again.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> connectionsOf("uncertified").isEmpty());
        WebPubSubConsumer uncertified = (WebPubSubConsumer) context.getRoute("uncertified").getConsumer();
        assertThat(uncertified.getConnectionState()).isIn("CONNECTING", "RECONNECTING");
    }
}
