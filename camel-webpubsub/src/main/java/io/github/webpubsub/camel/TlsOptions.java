package io.github.webpubsub.camel;

import java.lang.reflect.Method;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.AliasedX509ExtendedKeyManager;
import org.apache.camel.support.jsse.BaseSSLContextParameters;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.SSLContextClientParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;

/**
 * Applies Camel's {@code sslContextParameters} to Vert.x's transport options, whole: the key managers (a client
 * certificate, the one {@code certAlias} names if set), every trust manager, the enabled protocols and the cipher
 * suites. What Vert.x cannot take fails at endpoint creation ({@link #check}), naming it, instead of being ignored.
 */
final class TlsOptions {

    /** TLS versions from lowest to highest, for a secureSocketProtocol that names one. */
    private static final List<String> VERSIONS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private TlsOptions() {
    }

    /**
     * Fails on what the transport cannot apply, without loading any key or trust store.
     *
     * @throws IllegalArgumentException naming the parameter, without the prefix "Invalid option sslContextParameters"
     */
    static void check(SSLContextParameters parameters) {
        unsupported(parameters, "");
        SSLContextClientParameters client = parameters.getClientParameters();
        if (client != null) {
            unsupported(client, "clientParameters.");
            if (!sniHostNames(client).isEmpty()) {
                throw new IllegalArgumentException("clientParameters.sniHostNames are not supported: the server name"
                        + " sent is the host of the service URL");
            }
        }
        if (parameters.getProvider() != null) {
            throw new IllegalArgumentException("provider is not supported: Vert.x uses the JDK's default TLS provider;"
                    + " the key and trust managers may name their own");
        }
        if (parameters.getSecureRandom() != null) {
            throw new IllegalArgumentException("secureRandom is not supported: Vert.x uses the JDK's default");
        }
        if (parameters.getCertAlias() != null && parameters.getKeyManagers() == null) {
            throw new IllegalArgumentException("certAlias needs keyManagers holding that alias");
        }
    }

    private static void unsupported(BaseSSLContextParameters parameters, String prefix) {
        if (parameters.getSecureSocketProtocolsFilter() != null || parameters.getCipherSuitesFilter() != null) {
            throw new IllegalArgumentException(prefix + "secureSocketProtocolsFilter and " + prefix + "cipherSuitesFilter"
                    + " are not supported: list the protocols (secureSocketProtocols) and cipher suites (cipherSuites)"
                    + " instead");
        }
        if (parameters.getNamedGroups() != null || parameters.getNamedGroupsFilter() != null) {
            throw new IllegalArgumentException(prefix + "namedGroups are not supported by the WebSocket transport;"
                    + " the JDK's jdk.tls.namedGroups system property sets them");
        }
        if (parameters.getSignatureSchemes() != null || parameters.getSignatureSchemesFilter() != null) {
            throw new IllegalArgumentException(prefix + "signatureSchemes are not supported by the WebSocket"
                    + " transport; the JDK's jdk.tls.client.SignatureSchemes system property sets them");
        }
        if (parameters.getSessionTimeout() != null) {
            throw new IllegalArgumentException(prefix + "sessionTimeout is not supported by the WebSocket transport");
        }
    }

    /** Camel keeps the SNI host names of client parameters behind a protected getter. */
    private static List<?> sniHostNames(SSLContextClientParameters client) {
        try {
            Method getter = SSLContextClientParameters.class.getDeclaredMethod("getSNIHostNames");
            getter.setAccessible(true);
            List<?> names = (List<?>) getter.invoke(client);
            return names == null ? List.of() : names;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the sniHostNames of sslContextParameters' clientParameters", e);
        }
    }

    /** Applies parameters that passed {@link #check} (at endpoint creation) to a copy of the transport options. */
    static void apply(SSLContextParameters parameters, CamelContext context, WebSocketClientOptions transport) {
        parameters.setCamelContext(context);
        try {
            if (parameters.getKeyManagers() != null) {
                transport.setKeyCertOptions(keys(parameters.getKeyManagers(), parameters.getCertAlias(), context));
            }
            if (parameters.getTrustManagers() != null) {
                transport.setTrustOptions(trust(parameters.getTrustManagers(), context));
            }
        } catch (RuntimeCamelException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot load the key or trust store of sslContextParameters: "
                    + e.getMessage(), e);
        }
        boolean listed = protocolsAndCiphers(parameters, transport);
        if (parameters.getClientParameters() != null) {
            listed |= protocolsAndCiphers(parameters.getClientParameters(), transport);
        }
        if (!listed && VERSIONS.contains(parameters.getSecureSocketProtocol())) {
            transport.setEnabledSecureTransportProtocols(upTo(parameters.getSecureSocketProtocol(),
                    transport.getEnabledSecureTransportProtocols()));
        }
    }

    /**
     * A secureSocketProtocol that names a version is the highest one, as for the JDK's SSLContext of that name: the
     * enabled versions at or below it, or that version alone when none is.
     */
    private static Set<String> upTo(String highest, Set<String> enabled) {
        Set<String> versions = new LinkedHashSet<>();
        for (String version : enabled) {
            int rank = VERSIONS.indexOf(version);
            if (rank >= 0 && rank <= VERSIONS.indexOf(highest)) {
                versions.add(version);
            }
        }
        return versions.isEmpty() ? Set.of(highest) : versions;
    }

    /** Applies listed protocols and cipher suites; returns whether protocols were listed. */
    private static boolean protocolsAndCiphers(BaseSSLContextParameters parameters, WebSocketClientOptions transport) {
        boolean listed = parameters.getSecureSocketProtocols() != null
                && !parameters.getSecureSocketProtocols().getSecureSocketProtocol().isEmpty();
        if (listed) {
            transport.setEnabledSecureTransportProtocols(
                    new LinkedHashSet<>(parameters.getSecureSocketProtocols().getSecureSocketProtocol()));
        }
        if (parameters.getCipherSuites() != null && !parameters.getCipherSuites().getCipherSuite().isEmpty()) {
            // Replaces what a webSocketOptions bean enabled, as the protocols do: the explicit option wins.
            List.copyOf(transport.getEnabledCipherSuites()).forEach(transport::removeEnabledCipherSuite);
            parameters.getCipherSuites().getCipherSuite().forEach(transport::addEnabledCipherSuite);
        }
        return listed;
    }

    private static KeyCertOptions keys(KeyManagersParameters keyManagers, String certAlias, CamelContext context)
            throws Exception {
        keyManagers.setCamelContext(context);
        if (keyManagers.getKeyStore() != null) {
            keyManagers.getKeyStore().setCamelContext(context);
        }
        List<X509KeyManager> x509 = new ArrayList<>();
        for (KeyManager manager : keyManagers.createKeyManagers()) {
            if (manager instanceof X509KeyManager key) {
                x509.add(key);
            }
        }
        if (x509.size() != 1) {
            throw new IllegalArgumentException("Invalid option sslContextParameters: its key managers give "
                    + x509.size() + " X.509 key managers; a client certificate needs exactly one");
        }
        X509KeyManager key = x509.get(0);
        if (certAlias == null) {
            return KeyCertOptions.wrap(key);
        }
        if (key.getCertificateChain(certAlias) == null || key.getPrivateKey(certAlias) == null) {
            throw new IllegalArgumentException("Invalid option sslContextParameters: its key managers hold no key and"
                    + " certificate under the certAlias " + certAlias);
        }
        // What Camel itself does with certAlias: the key manager offers that alias and no other.
        return KeyCertOptions.wrap(new AliasedX509ExtendedKeyManager(certAlias, key));
    }

    private static TrustOptions trust(TrustManagersParameters trustManagers, CamelContext context) throws Exception {
        trustManagers.setCamelContext(context);
        if (trustManagers.getKeyStore() != null) {
            trustManagers.getKeyStore().setCamelContext(context);
        }
        TrustManager[] managers = trustManagers.createTrustManagers();
        List<X509TrustManager> x509 = new ArrayList<>();
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager trust) {
                x509.add(trust);
            }
        }
        if (x509.isEmpty()) {
            throw new IllegalArgumentException("Invalid option sslContextParameters: its trust managers give no X.509 "
                    + "trust manager");
        }
        return TrustOptions.wrap(x509.size() == 1 ? x509.get(0) : new AnyOf(x509));
    }

    /** Trusts a server that any of several trust managers trusts. */
    private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkClientTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            throw last;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
