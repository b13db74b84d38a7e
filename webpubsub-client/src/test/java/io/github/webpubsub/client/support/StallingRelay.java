package io.github.webpubsub.client.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * A TCP relay to a local port whose client-to-server direction can be stalled: while stalled it reads nothing the
 * client writes, so the client's socket backs up as behind a slow network, and once released it reads again and
 * the client's socket drains. The other direction always flows. Its receive buffer is small, so that a client
 * fills it with about a megabyte.
 */
public final class StallingRelay implements AutoCloseable {

    private static final int RECEIVE_BUFFER_BYTES = 64 * 1024;

    private final Vertx vertx = Vertx.vertx();
    private final NetServer server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;

    /** A relay to {@code localhost:targetPort}. */
    public StallingRelay(int targetPort) {
        NetClient client = vertx.createNetClient();
        server = vertx.createNetServer(new NetServerOptions().setReceiveBufferSize(RECEIVE_BUFFER_BYTES))
                .connectHandler(inbound -> {
                    inbound.pause();
                    Context context = Vertx.currentContext();
                    client.connect(targetPort, "localhost").onSuccess(outbound -> {
                        Link link = new Link(context, inbound, outbound);
                        links.add(link);
                        link.start();
                    }).onFailure(e -> inbound.close());
                });
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** The port to connect to instead of the target's. */
    public int port() {
        return server.actualPort();
    }

    /** Stops reading what clients write, once every link has stopped. */
    public void stall() {
        stalled = true;
        onEveryLink(Link::pause);
    }

    /** Reads what clients write again. */
    public void release() {
        stalled = false;
        onEveryLink(Link::resume);
    }

    private void onEveryLink(Consumer<Link> action) {
        CompletableFuture<?>[] done = links.stream().map(link -> {
            CompletableFuture<Void> applied = new CompletableFuture<>();
            link.context.runOnContext(v -> {
                action.accept(link);
                applied.complete(null);
            });
            return applied;
        }).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(done).orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    /** One client's connection and the relay's connection to the target; methods run on the link's context. */
    private final class Link {
        private final Context context;
        private final NetSocket fromClient;
        private final NetSocket toServer;
        /** The server side's write queue is full: reading from the client waits for it, stalled or not. */
        private boolean serverBusy;

        Link(Context context, NetSocket fromClient, NetSocket toServer) {
            this.context = context;
            this.fromClient = fromClient;
            this.toServer = toServer;
        }

        void start() {
            toServer.pipeTo(fromClient);
            fromClient.handler((Buffer bytes) -> {
                toServer.write(bytes);
                if (toServer.writeQueueFull()) {
                    serverBusy = true;
                    fromClient.pause();
                    toServer.drainHandler(v -> {
                        serverBusy = false;
                        if (!stalled) {
                            fromClient.resume();
                        }
                    });
                }
            });
            fromClient.closeHandler(v -> toServer.close());
            if (!stalled) {
                fromClient.resume();
            }
        }

        void pause() {
            fromClient.pause();
        }

        void resume() {
            if (!serverBusy) {
                fromClient.resume();
            }
        }
    }
}
