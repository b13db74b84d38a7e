package io.github.webpubsub.client.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * What the test proxies share: a Vert.x of their own, a port on localhost, and the targets they were asked to tunnel
 * to, which is what a test checks to know its traffic went through the proxy.
 */
abstract class RecordingProxy implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private NetServer server;

    /** Listens; {@code handshake} gets each client socket and the client to reach the target with. */
    protected final void listen(java.util.function.BiConsumer<NetSocket, NetClient> handshake) {
        NetClient client = vertx.createNetClient();
        Handler<NetSocket> connections = inbound -> handshake.accept(inbound, client);
        server = vertx.createNetServer().connectHandler(connections);
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** A tunnel to {@code target} (host:port) was asked for. */
    protected final void recordTarget(String target) {
        targets.add(target);
    }

    public int port() {
        return server.actualPort();
    }

    /** The host:port of every tunnel asked for so far. */
    public List<String> targets() {
        return List.copyOf(targets);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }
}
