package io.github.webpubsub.camel;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.BaseSSLContextParameters;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;

/**
 * Applies Camel's {@code sslContextParameters} to Vert.x's transport options, whole: the key managers (a client
 * certificate), every trust manager, the enabled protocols and the cipher suites. What Vert.x cannot take (filters
 * by pattern) fails at endpoint creation, naming the option, instead of being ignored.
 */
final class TlsOptions {

    private TlsOptions() {
    }

    static void apply(SSLContextParameters parameters, CamelContext context, WebSocketClientOptions transport) {
        parameters.setCamelContext(context);
        try {
            if (parameters.getKeyManagers() != null) {
                transport.setKeyCertOptions(keys(parameters.getKeyManagers(), context));
            }
            if (parameters.getTrustManagers() != null) {
                transport.setTrustOptions(trust(parameters.getTrustManagers(), context));
            }
        } catch (RuntimeCamelException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot load the key or trust store of sslContextParameters: "
                    + e.getMessage(), e);
        }
        protocolsAndCiphers(parameters, transport);
        if (parameters.getClientParameters() != null) {
            protocolsAndCiphers(parameters.getClientParameters(), transport);
        }
        if (parameters.getSecureSocketProtocol() != null && transport.getEnabledSecureTransportProtocols().isEmpty()) {
            transport.setEnabledSecureTransportProtocols(new LinkedHashSet<>(List.of(parameters.getSecureSocketProtocol())));
        }
    }

    private static void protocolsAndCiphers(BaseSSLContextParameters parameters, WebSocketClientOptions transport) {
        if (parameters.getSecureSocketProtocolsFilter() != null || parameters.getCipherSuitesFilter() != null) {
            throw new IllegalArgumentException("Invalid option sslContextParameters: protocol and cipher suite filters"
                    + " are not supported by the Web PubSub transport; list the protocols and cipher suites instead");
        }
        if (parameters.getSecureSocketProtocols() != null
                && !parameters.getSecureSocketProtocols().getSecureSocketProtocol().isEmpty()) {
            transport.setEnabledSecureTransportProtocols(
                    new LinkedHashSet<>(parameters.getSecureSocketProtocols().getSecureSocketProtocol()));
        }
        if (parameters.getCipherSuites() != null && !parameters.getCipherSuites().getCipherSuite().isEmpty()) {
            // Replaces what a webSocketOptions bean enabled, as the protocols do: the explicit option wins.
            List.copyOf(transport.getEnabledCipherSuites()).forEach(transport::removeEnabledCipherSuite);
            parameters.getCipherSuites().getCipherSuite().forEach(transport::addEnabledCipherSuite);
        }
    }

    private static KeyCertOptions keys(KeyManagersParameters keyManagers, CamelContext context) throws Exception {
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
        return KeyCertOptions.wrap(x509.get(0));
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
