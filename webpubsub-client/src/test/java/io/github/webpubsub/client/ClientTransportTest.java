package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.webpubsub.client.support.Clients;
import io.github.webpubsub.client.support.ConnectProxy;
import io.github.webpubsub.client.support.RecordingListener;
import io.github.webpubsub.client.support.Socks5Proxy;
import io.github.webpubsub.client.support.TlsTunnel;
import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;

/** wss with certificate checks, a custom trust store, an HTTP proxy and a SOCKS5 proxy. */
class ClientTransportTest {

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    private static TlsTunnel tls;

    @BeforeAll
    static void startTunnel() {
        tls = new TlsTunnel(emulator.get().port());
    }

    @AfterAll
    static void stopTunnel() {
        tls.close();
    }

    private String secureUrl(String userId) {
        String url = emulator.get().clientAccessUrl(Clients.HUB, userId, Clients.PUBLISHER, List.of());
        return url.replace("ws://localhost:" + emulator.get().port(), "wss://localhost:" + tls.port());
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() {
        try (WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions
                .of(ClientAccessUrlProvider.fixed(secureUrl("alice"))).setMaxReconnectAttempts(0))) {
            assertThatThrownBy(() -> client.start().orTimeout(30, TimeUnit.SECONDS).join()).hasMessageContaining("Could not connect after 1 attempt");
            assertThat(client.state()).isEqualTo(ClientState.STOPPED);
        }
    }

    @Test
    void aCustomTrustStoreLetsTheClientConnectOverWss() {
        RecordingListener events = new RecordingListener();
        try (WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions
                .of(ClientAccessUrlProvider.fixed(secureUrl("alice")))
                .setWebSocketOptions(WebPubSubClientOptions.defaultWebSocketOptions().setTrustOptions(tls.trust())))) {
            client.addListener(events).start().orTimeout(30, TimeUnit.SECONDS).join();
            client.joinGroup("secure").orTimeout(30, TimeUnit.SECONDS).join();
            client.sendToGroup("secure", MessageData.text("over tls")).orTimeout(30, TimeUnit.SECONDS).join();
            await().until(() -> events.groupTexts().contains("over tls"));
        }
    }

    @Test
    void anHttpProxyTunnelsTheConnection() {
        RecordingListener events = new RecordingListener();
        try (ConnectProxy proxy = new ConnectProxy();
                WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions
                        .of(ClientAccessUrlProvider.fixed(secureUrl("bob")))
                        .setWebSocketOptions(WebPubSubClientOptions.defaultWebSocketOptions().setTrustOptions(tls.trust())
                                .setProxyOptions(new ProxyOptions().setType(ProxyType.HTTP).setHost("localhost")
                                        .setPort(proxy.port()))))) {
            client.addListener(events).start().orTimeout(30, TimeUnit.SECONDS).join();
            client.joinGroup("proxied").orTimeout(30, TimeUnit.SECONDS).join();
            client.sendToGroup("proxied", MessageData.text("via proxy")).orTimeout(30, TimeUnit.SECONDS).join();

            await().until(() -> events.groupTexts().contains("via proxy"));
            assertThat(proxy.targets()).containsExactly("localhost:" + tls.port());
        }
    }

    @Test
    void aSocks5ProxyTunnelsTheConnection() {
        RecordingListener events = new RecordingListener();
        try (Socks5Proxy proxy = new Socks5Proxy();
                WebPubSubClient client = WebPubSubClient.create(WebPubSubClientOptions
                        .of(ClientAccessUrlProvider.fixed(secureUrl("carol")))
                        .setWebSocketOptions(WebPubSubClientOptions.defaultWebSocketOptions().setTrustOptions(tls.trust())
                                .setProxyOptions(new ProxyOptions().setType(ProxyType.SOCKS5).setHost("localhost")
                                        .setPort(proxy.port()))))) {
            client.addListener(events).start().orTimeout(30, TimeUnit.SECONDS).join();
            client.joinGroup("socks").orTimeout(30, TimeUnit.SECONDS).join();
            client.sendToGroup("socks", MessageData.text("via socks")).orTimeout(30, TimeUnit.SECONDS).join();

            await().until(() -> events.groupTexts().contains("via socks"));
            assertThat(proxy.targets()).containsExactly("localhost:" + tls.port());
        }
    }
}
