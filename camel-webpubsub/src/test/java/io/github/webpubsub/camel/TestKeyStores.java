package io.github.webpubsub.camel;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import io.vertx.core.net.SelfSignedCertificate;

/**
 * PKCS12 key and trust stores written from PEM files (self-signed certificates, TLS tunnels), as Camel's
 * KeyStoreParameters, the way an operator would configure them.
 */
final class TestKeyStores {

    static final String PASSWORD = "changeit";

    private TestKeyStores() {
    }

    /** Fills a key store. */
    interface Fill {
        void into(KeyStore store) throws Exception;
    }

    /** A PKCS12 file in {@code dir}, filled, as KeyStoreParameters. */
    static KeyStoreParameters store(Path dir, String name, Fill fill) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        fill.into(store);
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        KeyStoreParameters parameters = new KeyStoreParameters();
        parameters.setResource("file:" + file);
        parameters.setPassword(PASSWORD);
        parameters.setType("PKCS12");
        return parameters;
    }

    /** Trust managers that trust the certificates in the PEM files. */
    static TrustManagersParameters trusting(Path dir, String name, String... pemPaths) throws Exception {
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store(dir, name, ks -> {
            for (int i = 0; i < pemPaths.length; i++) {
                ks.setCertificateEntry("trusted-" + i, certificate(pemPaths[i]));
            }
        }));
        return trust;
    }

    /** Key managers holding each certificate's key under its alias: aliases and certificates alternate. */
    static KeyManagersParameters keys(Path dir, String name, Object... aliasesAndCertificates) throws Exception {
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyPassword(PASSWORD);
        keys.setKeyStore(store(dir, name, ks -> {
            for (int i = 0; i < aliasesAndCertificates.length; i += 2) {
                SelfSignedCertificate certificate = (SelfSignedCertificate) aliasesAndCertificates[i + 1];
                ks.setKeyEntry((String) aliasesAndCertificates[i], privateKey(certificate.privateKeyPath()),
                        PASSWORD.toCharArray(), new Certificate[] {certificate(certificate.certificatePath())});
            }
        }));
        return keys;
    }

    static Certificate certificate(String pemPath) throws Exception {
        try (InputStream pem = Files.newInputStream(Path.of(pemPath))) {
            return CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
    }

    static PrivateKey privateKey(String pemPath) throws Exception {
        String pem = Files.readString(Path.of(pemPath)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem));
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (InvalidKeySpecException e) {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        }
    }
}
