package io.github.webpubsub.client.session;

import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.auth.UrlMasking;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.impl.WebSocketInternal;

/**
 * Opens WebSockets to the service with the client's transport settings (TLS trust, proxy, timeouts, frame sizes), and
 * closes them. One per started client; {@link #close()} releases its pooled resources.
 */
final class SocketConnector {

    private static final Logger LOG = LoggerFactory.getLogger(SocketConnector.class);
    /** A 1 MB message is base64-encoded in a JSON frame, so allow well above that. */
    private static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    /** How long a close handshake may take before the TCP connection is closed anyway. */
    private static final int CLOSING_TIMEOUT_SECONDS = 2;

    private final WebSocketClient client;
    private final String subprotocol;
    private final long connectTimeoutMillis;

    SocketConnector(Vertx vertx, WebPubSubClientOptions options, String subprotocol) {
        this.subprotocol = subprotocol;
        this.connectTimeoutMillis = options.getConnectTimeout().toMillis();
        WebSocketClientOptions socketOptions = new WebSocketClientOptions()
                .setMaxFrameSize(MAX_MESSAGE_BYTES)
                .setMaxMessageSize(MAX_MESSAGE_BYTES)
                .setClosingTimeout(CLOSING_TIMEOUT_SECONDS)
                .setConnectTimeout((int) connectTimeoutMillis)
                .setVerifyHost(options.isVerifyHost());
        if (options.getTrustOptions() != null) {
            socketOptions.setTrustOptions(options.getTrustOptions());
        }
        if (options.getProxyOptions() != null) {
            socketOptions.setProxyOptions(options.getProxyOptions());
        }
        this.client = vertx.createWebSocketClient(socketOptions);
    }

    /** Opens a socket to a client access URL ({@code ws://} or {@code wss://}), offering the client's subprotocol. */
    Future<WebSocket> open(String url) {
        WebSocketConnectOptions connectOptions;
        try {
            connectOptions = new WebSocketConnectOptions().setAbsoluteURI(url).addSubProtocol(subprotocol)
                    .setConnectTimeout(connectTimeoutMillis).setTimeout(connectTimeoutMillis);
        } catch (RuntimeException e) {
            return Future.failedFuture(new IllegalArgumentException("Invalid client access URL " + UrlMasking.mask(url)));
        }
        LOG.debug("Opening {}", UrlMasking.mask(url));
        return client.connect(connectOptions);
    }

    /**
     * Drops a socket whose peer answers nothing: its TCP connection is closed at once, since a silent peer will not
     * complete a close handshake either.
     */
    static void abandon(WebSocket socket) {
        if (socket instanceof WebSocketInternal internal) {
            internal.channelHandlerContext().channel().close();
        } else if (socket != null) {
            socket.close((short) 1001, "Going away");
        }
    }

    void close() {
        client.close();
    }

    /** The HTTP status of a refused handshake, or 0 when the failure was something else. */
    static int rejectedStatus(Throwable failure) {
        return failure instanceof UpgradeRejectedException rejected ? rejected.getStatus() : 0;
    }

    /** Why a handshake was refused, from the response body, shortened and with any secret masked. */
    static String rejectionDetail(Throwable failure) {
        if (!(failure instanceof UpgradeRejectedException rejected)) {
            return "";
        }
        Buffer body = rejected.getBody();
        if (body == null || body.length() == 0) {
            return "";
        }
        String text = body.toString().strip();
        return ": " + UrlMasking.mask(text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    /** A failure as one line for logs and events: its type and message, with any secret masked. */
    static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage();
        return UrlMasking.mask(cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
