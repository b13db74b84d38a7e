package io.github.webpubsub.emulator.hub;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * The emulator's front door, a TCP relay between each client and the HTTP server behind it, so that the emulator can
 * fail the network as a network fails, with Vert.x's public API only: a connection cut without a close frame, and a
 * peer that stops reading so that not even pings are answered. Vert.x's WebSocket API is built to prevent exactly
 * these (every close sends a close frame, every ping gets a pong), so they are done one layer down, on the bytes.
 * A socket of the HTTP server is found by its peer's port, which is the relay's end of that link.
 */
public final class NetworkFaults {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkFaults.class);

    private final Vertx vertx;
    private final Map<Integer, Link> links = new ConcurrentHashMap<>();
    private volatile String deploymentId;

    /** A relay on {@code vertx}; {@link #listen} opens it. */
    public NetworkFaults(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Listens on {@code host:port} and relays every connection to the HTTP server at {@code backendPort}. The relay
     * runs on an event loop of its own (a verticle's), not the hub's: the bytes it pumps for every client would
     * otherwise queue with the hub's work, and a client's acks would reach the hub late under load.
     */
    public Future<Integer> listen(String host, int port, int backendPort) {
        Relay relay = new Relay(host, port, backendPort);
        return vertx.deployVerticle(relay).map(id -> {
            deploymentId = id;
            return relay.actualPort;
        });
    }

    /** Closes the relay and every link. */
    public Future<Void> close() {
        links.values().forEach(Link::cut);
        String id = deploymentId;
        deploymentId = null;
        // Undeploying closes the relay's server and client with it.
        return id == null ? Future.succeededFuture() : vertx.undeploy(id);
    }

    /** The relay's server and its client to the HTTP server, on the verticle's own context. */
    private final class Relay extends AbstractVerticle {
        private final String host;
        private final int port;
        private final int backendPort;
        private volatile int actualPort;

        Relay(String host, int port, int backendPort) {
            this.host = host;
            this.port = port;
            this.backendPort = backendPort;
        }

        @Override
        public void start(Promise<Void> started) {
            NetClient backend = vertx.createNetClient();
            NetServer front = vertx.createNetServer(new NetServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
                    .connectHandler(client -> {
                        client.pause();
                        backend.connect(backendPort, "127.0.0.1").onSuccess(server -> {
                            Link link = new Link(client, server);
                            links.put(server.localAddress().port(), link);
                            link.start(() -> links.remove(server.localAddress().port()));
                        }).onFailure(e -> client.close());
                    });
            front.listen().onSuccess(bound -> {
                actualPort = bound.actualPort();
                started.complete();
            }).onFailure(started::fail);
        }
    }

    /** Cuts the TCP connection of a server socket, both ways, without a close frame: the client sees a loss. */
    public void cut(ServerWebSocket socket) {
        Link link = links.get(socket.remoteAddress().port());
        if (link != null) {
            link.cut();
        } else {
            LOG.warn("No relay link for a socket from port {}; closing it with a close frame instead",
                    socket.remoteAddress().port());
            socket.close();
        }
    }

    /** Stops relaying a socket's bytes both ways while its TCP connection stays open: a server that went silent. */
    public void silence(ServerWebSocket socket) {
        Link link = links.get(socket.remoteAddress().port());
        if (link != null) {
            link.silence();
        }
    }

    /** One client's TCP connection and the relay's connection to the HTTP server, pumped both ways. */
    private static final class Link {
        private final NetSocket client;
        private final NetSocket server;
        private volatile boolean silenced;
        private volatile boolean cut;

        Link(NetSocket client, NetSocket server) {
            this.client = client;
            this.server = server;
        }

        void start(Runnable onClose) {
            // A peer that goes away is the relay's everyday business, not an error.
            client.exceptionHandler(e -> LOG.debug("Relay, client side: {}", e.toString()));
            server.exceptionHandler(e -> LOG.debug("Relay, server side: {}", e.toString()));
            pump(client, server);
            pump(server, client);
            client.closeHandler(v -> {
                server.close();
                onClose.run();
            });
            server.closeHandler(v -> {
                client.close();
                onClose.run();
            });
            client.resume();
        }

        /** Forwards bytes with back-pressure; nothing passes once the link is silenced. */
        private void pump(NetSocket from, NetSocket to) {
            from.handler((Buffer bytes) -> {
                if (silenced || cut) {
                    return;
                }
                to.write(bytes);
                if (to.writeQueueFull()) {
                    from.pause();
                    to.drainHandler(v -> {
                        if (!silenced) {
                            from.resume();
                        }
                    });
                }
            });
        }

        void silence() {
            silenced = true;
            // Stop reading from the client: its pings and everything else stay in TCP buffers, unanswered.
            client.pause();
            server.pause();
        }

        void cut() {
            cut = true;
            client.close();
            server.close();
        }
    }
}
