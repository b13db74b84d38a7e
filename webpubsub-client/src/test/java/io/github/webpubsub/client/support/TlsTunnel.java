package io.github.webpubsub.client.support;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.core.net.TrustOptions;

/** Terminates TLS with a self-signed certificate for localhost and forwards the bytes to a plain port. */
public final class TlsTunnel implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    private final NetServer server;

    public TlsTunnel(int targetPort) {
        this(targetPort, (TrustOptions) null);
    }

    /** A tunnel that accepts only clients whose certificate {@code clientTrust} trusts (when not null). */
    public TlsTunnel(int targetPort, TrustOptions clientTrust) {
        this(targetPort, options -> {
            if (clientTrust != null) {
                options.setClientAuth(ClientAuth.REQUIRED).setTrustOptions(clientTrust);
            }
        });
    }

    /**
     * A tunnel whose server options (TLS with the tunnel's certificate already set) {@code serverOptions} adjusts, for
     * example to enable only some protocols or cipher suites.
     */
    public TlsTunnel(int targetPort, Consumer<NetServerOptions> serverOptions) {
        NetClient client = vertx.createNetClient();
        NetServerOptions options = new NetServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions());
        serverOptions.accept(options);
        server = vertx.createNetServer(options)
                .connectHandler(inbound -> {
                    inbound.pause();
                    client.connect(targetPort, "localhost").onSuccess(outbound -> pipe(inbound, outbound))
                            .onFailure(e -> inbound.close());
                });
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    static void pipe(NetSocket a, NetSocket b) {
        a.pipeTo(b);
        b.pipeTo(a);
        a.resume();
    }

    public int port() {
        return server.actualPort();
    }

    /** The PEM file of the tunnel's certificate. */
    public String certificatePath() {
        return certificate.certificatePath();
    }

    /** Trust for the tunnel's certificate. */
    public TrustOptions trust() {
        return certificate.trustOptions();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
        certificate.delete();
    }
}
