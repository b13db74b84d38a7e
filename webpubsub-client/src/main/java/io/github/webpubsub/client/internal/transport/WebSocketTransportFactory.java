package io.github.webpubsub.client.internal.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.internal.codec.FrameCodec;
import io.github.webpubsub.client.internal.util.UrlMasking;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Opens {@link WebSocketTransport}s with the client's Vert.x transport settings, passed through whole. One per
 * client; {@link #close()} releases its pooled connections.
 */
public final class WebSocketTransportFactory implements TransportFactory {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransportFactory.class);

    private final Vertx vertx;
    private final FrameCodec codec;
    private final WebPubSubClientOptions options;
    private final long connectTimeoutMillis;
    private WebSocketClient client;

    /** A factory for sockets of {@code codec}'s subprotocol with the transport settings of {@code options}. */
    public WebSocketTransportFactory(Vertx vertx, WebPubSubClientOptions options, FrameCodec codec) {
        this.vertx = vertx;
        this.codec = codec;
        this.options = options;
        this.connectTimeoutMillis = options.getConnectTimeout().toMillis();
    }

    @Override
    public Future<Transport> open(String url, TransportListener listener) {
        WebSocketConnectOptions connectOptions;
        try {
            connectOptions = new WebSocketConnectOptions().setAbsoluteURI(url).addSubProtocol(codec.subprotocol())
                    .setConnectTimeout(connectTimeoutMillis).setTimeout(connectTimeoutMillis);
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException("Invalid client access URL " + UrlMasking.mask(url)));
        }
        LOG.debug("Opening {}", UrlMasking.mask(url));
        return client().connect(connectOptions).map(socket -> new WebSocketTransport(vertx, socket, codec, listener,
                options.getPingInterval(), options.getIdleTimeout()));
    }

    /** Created on first use, so a client that never starts holds no pool. */
    private WebSocketClient client() {
        if (client == null) {
            WebSocketClientOptions socketOptions = new WebSocketClientOptions(options.getWebSocketOptions())
                    .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeoutMillis));
            client = vertx.createWebSocketClient(socketOptions);
        }
        return client;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
