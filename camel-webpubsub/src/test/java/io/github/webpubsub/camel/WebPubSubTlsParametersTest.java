package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.net.ssl.TrustManager;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.FilterParameters;
import org.apache.camel.support.jsse.NamedGroupsParameters;
import org.apache.camel.support.jsse.SSLContextClientParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.webpubsub.client.support.TlsTunnel;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SelfSignedCertificate;

/**
 * Every part of sslContextParameters takes effect, against wss servers restricted to one protocol, one cipher suite,
 * one trusted client certificate: what the server does not accept is refused, the same endpoint with what it does
 * accept gets in. What the transport cannot apply fails at endpoint creation, naming it.
 */
class WebPubSubTlsParametersTest extends WebPubSubTestSupport {

    private static final String CIPHER = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    private static final String OTHER_CIPHER = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";

    @TempDir
    static Path tempDir;

    private static final List<AutoCloseable> CLOSE = new ArrayList<>();
    private static TlsTunnel tls12Only;
    private static TlsTunnel tls13Only;
    private static TlsTunnel oneCipher;
    private static TlsTunnel trustedFirst;
    private static TlsTunnel trustedSecond;
    private static TlsTunnel untrusted;
    private static TlsTunnel mutual;
    private static SelfSignedCertificate clientCertificate;
    private static SelfSignedCertificate strangerCertificate;

    @BeforeAll
    static void startTunnels() {
        tls12Only = tunnel(o -> o.setEnabledSecureTransportProtocols(Set.of("TLSv1.2")));
        tls13Only = tunnel(o -> o.setEnabledSecureTransportProtocols(Set.of("TLSv1.3")));
        oneCipher = tunnel(o -> o.setEnabledSecureTransportProtocols(Set.of("TLSv1.2")).addEnabledCipherSuite(CIPHER));
        trustedFirst = tunnel(o -> { });
        trustedSecond = tunnel(o -> { });
        untrusted = tunnel(o -> { });
        clientCertificate = SelfSignedCertificate.create("webpubsub-client");
        strangerCertificate = SelfSignedCertificate.create("stranger");
        mutual = tunnel(o -> o.setClientAuth(io.vertx.core.http.ClientAuth.REQUIRED)
                .setTrustOptions(clientCertificate.trustOptions()));
    }

    private static TlsTunnel tunnel(Consumer<NetServerOptions> options) {
        TlsTunnel tunnel = new TlsTunnel(emulator.get().port(), options);
        CLOSE.add(tunnel);
        return tunnel;
    }

    @AfterAll
    static void stopTunnels() throws Exception {
        for (AutoCloseable tunnel : CLOSE) {
            tunnel.close();
        }
        CLOSE.clear();
        clientCertificate.delete();
        strangerCertificate.delete();
    }

    @Test
    void onlyTheListedProtocolsAreOfferedAndClientParametersWinOverTheBaseOnes() throws Exception {
        bind("tls13", trusting(tls12Only).protocols("TLSv1.3").build());
        bind("tls12", trusting(tls12Only).protocols("TLSv1.2").build());
        bind("clientTls12", trusting(tls12Only).protocols("TLSv1.3").clientProtocols("TLSv1.2").build());

        consume("offers-tls13", tls12Only, "tls13");
        consume("offers-tls12", tls12Only, "tls12");
        consume("client-offers-tls12", tls12Only, "clientTls12");

        accepted("offers-tls12");
        accepted("client-offers-tls12");
        refused("offers-tls13");
    }

    @Test
    void aSecureSocketProtocolThatNamesAVersionIsTheHighestOffered() throws Exception {
        bind("upTo12", trusting(tls13Only).secureSocketProtocol("TLSv1.2").build());
        bind("upTo13", trusting(tls13Only).secureSocketProtocol("TLSv1.3").build());

        consume("up-to-tls12", tls13Only, "upTo12");
        consume("up-to-tls13", tls13Only, "upTo13");

        accepted("up-to-tls13");
        refused("up-to-tls12");
    }

    @Test
    void onlyTheListedCipherSuitesAreOffered() throws Exception {
        bind("otherCipher", trusting(oneCipher).ciphers(OTHER_CIPHER).build());
        bind("sameCipher", trusting(oneCipher).ciphers(CIPHER).build());

        consume("other-cipher", oneCipher, "otherCipher");
        consume("same-cipher", oneCipher, "sameCipher");

        accepted("same-cipher");
        refused("other-cipher");
    }

    @Test
    void aServerThatEitherOfTwoTrustManagersTrustsIsAccepted() throws Exception {
        TrustManagersParameters first = TestKeyStores.trusting(tempDir, "first.p12", trustedFirst.certificatePath());
        TrustManagersParameters second = TestKeyStores.trusting(tempDir, "second.p12", trustedSecond.certificatePath());
        // Trust managers parameters that give two trust managers, as a provider of several would.
        TrustManagersParameters both = new TrustManagersParameters() {
            @Override
            public TrustManager[] createTrustManagers() throws java.security.GeneralSecurityException, java.io.IOException {
                for (TrustManagersParameters one : List.of(first, second)) {
                    one.setCamelContext(getCamelContext());
                    one.getKeyStore().setCamelContext(getCamelContext());
                }
                List<TrustManager> managers = new ArrayList<>(List.of(first.createTrustManagers()));
                managers.addAll(List.of(second.createTrustManagers()));
                return managers.toArray(TrustManager[]::new);
            }
        };
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(both);
        bind("twoTrustManagers", parameters);

        consume("trusted-by-first", trustedFirst, "twoTrustManagers");
        consume("trusted-by-second", trustedSecond, "twoTrustManagers");
        consume("trusted-by-none", untrusted, "twoTrustManagers");

        accepted("trusted-by-first");
        accepted("trusted-by-second");
        refused("trusted-by-none");
    }

    @Test
    void certAliasPicksTheClientCertificateAmongSeveral() throws Exception {
        for (String alias : List.of("trusted", "stranger")) {
            SSLContextParameters parameters = trusting(mutual).build();
            parameters.setKeyManagers(TestKeyStores.keys(tempDir, alias + "-keys.p12", "trusted", clientCertificate,
                    "stranger", strangerCertificate));
            parameters.setCertAlias(alias);
            bind(alias, parameters);
        }

        consume("presents-trusted", mutual, "trusted");
        consume("presents-stranger", mutual, "stranger");

        accepted("presents-trusted");
        // The server announces the trusted certificate as the one it accepts: only certAlias makes the client
        // present the other.
        refused("presents-stranger");
    }

    @Test
    void whatTheTransportCannotApplyFailsAtEndpointCreationNamingIt() throws Exception {
        Map<String, SSLContextParameters> unsupported = new LinkedHashMap<>();
        SSLContextParameters filter = new SSLContextParameters();
        FilterParameters ciphers = new FilterParameters();
        ciphers.addInclude(".*GCM.*");
        filter.setCipherSuitesFilter(ciphers);
        unsupported.put("cipherSuitesFilter", filter);
        SSLContextParameters sni = new SSLContextParameters();
        SSLContextClientParameters client = new SSLContextClientParameters();
        client.setSniHostName("other.example");
        sni.setClientParameters(client);
        unsupported.put("sniHostNames", sni);
        SSLContextParameters groups = new SSLContextParameters();
        NamedGroupsParameters named = new NamedGroupsParameters();
        named.addNamedGroup("x25519");
        groups.setNamedGroups(named);
        unsupported.put("namedGroups", groups);
        SSLContextParameters session = new SSLContextParameters();
        session.setSessionTimeout("60");
        unsupported.put("sessionTimeout", session);
        SSLContextParameters provider = new SSLContextParameters();
        provider.setProvider("SunJSSE");
        unsupported.put("provider", provider);
        SSLContextParameters aliasWithoutKeys = new SSLContextParameters();
        aliasWithoutKeys.setCertAlias("client");
        unsupported.put("certAlias", aliasWithoutKeys);

        unsupported.forEach((name, parameters) -> {
            context.getRegistry().bind("unsupported-" + name, parameters);
            assertThatThrownBy(() -> context.getEndpoint("webpubsub:tls?userId=u&sslContextParameters=#unsupported-" + name))
                    .as(name).rootCause().hasMessageContaining("Invalid option sslContextParameters").hasMessageContaining(name);
        });
    }

    private void bind(String name, SSLContextParameters parameters) {
        context.getRegistry().bind(name, parameters);
    }

    private void consume(String userId, TlsTunnel tunnel, String parameters) throws Exception {
        String url = emulator.get().clientAccessUrl(HUB, userId, List.of("webpubsub.joinLeaveGroup"), List.of())
                .replace("ws://localhost:" + emulator.get().port(), "wss://localhost:" + tunnel.port());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // A group per user: the endpoint URI masks the access URL, so two would otherwise look the same.
                from("webpubsub:" + userId + "?clientAccessUrl=RAW(" + url + ")&sslContextParameters=#" + parameters)
                        .routeId(userId).to("mock:" + userId);
            }
        });
    }

    private static void accepted(String userId) {
        await().until(() -> connectionsOf(userId).stream().anyMatch(c -> c.groups().contains(userId)));
    }

    private void refused(String userId) {
        // The handshake fails, again and again: the connection never reaches the service.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> connectionsOf(userId).isEmpty());
        WebPubSubConsumer consumer = (WebPubSubConsumer) context.getRoute(userId).getConsumer();
        assertThat(consumer.getConnectionState()).isIn("CONNECTING", "RECONNECTING");
        assertThat(consumer.getLastProblem()).as("why %s is refused", userId).isNotNull();
    }

    private static Parameters trusting(TlsTunnel tunnel) throws Exception {
        return new Parameters(tunnel);
    }

    /** SSLContextParameters that trust one tunnel, with protocols and cipher suites. */
    private static final class Parameters {
        private final SSLContextParameters parameters = new SSLContextParameters();

        Parameters(TlsTunnel tunnel) throws Exception {
            parameters.setTrustManagers(TestKeyStores.trusting(tempDir, "trust-" + tunnel.port() + ".p12",
                    tunnel.certificatePath()));
        }

        Parameters protocols(String... protocols) {
            parameters.setSecureSocketProtocols(protocolList(protocols));
            return this;
        }

        Parameters clientProtocols(String... protocols) {
            SSLContextClientParameters client = new SSLContextClientParameters();
            client.setSecureSocketProtocols(protocolList(protocols));
            parameters.setClientParameters(client);
            return this;
        }

        Parameters secureSocketProtocol(String protocol) {
            parameters.setSecureSocketProtocol(protocol);
            return this;
        }

        Parameters ciphers(String... ciphers) {
            CipherSuitesParameters suites = new CipherSuitesParameters();
            suites.setCipherSuite(List.of(ciphers));
            parameters.setCipherSuites(suites);
            return this;
        }

        SSLContextParameters build() {
            return parameters;
        }

        private static SecureSocketProtocolsParameters protocolList(String... protocols) {
            SecureSocketProtocolsParameters list = new SecureSocketProtocolsParameters();
            list.setSecureSocketProtocol(List.of(protocols));
            return list;
        }
    }
}
