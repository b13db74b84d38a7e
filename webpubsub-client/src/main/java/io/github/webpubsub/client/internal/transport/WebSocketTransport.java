package io.github.webpubsub.client.internal.transport;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.FrameCodec;
import io.github.webpubsub.client.internal.util.Failures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;

/** A {@link Transport} over a Vert.x WebSocket. */
final class WebSocketTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);

    private final WebSocket socket;
    private final FrameCodec codec;
    private final TransportListener listener;
    private final Liveness liveness;
    private final Promise<Void> closed = Promise.promise();
    /** Set once the listener has been told the socket is gone, or was told to hear nothing more. */
    private boolean finished;
    private boolean paused;
    /**
     * The first error Vert.x reported on the socket, masked, for the reason of a close without a close frame: a frame
     * or message beyond the limits of the WebSocket options ends the socket that way, and the errors after the first
     * only say that it is closed.
     */
    private String firstError;

    WebSocketTransport(Vertx vertx, WebSocket socket, FrameCodec codec, TransportListener listener,
            Duration pingInterval, Duration idleTimeout) {
        this.socket = socket;
        this.codec = codec;
        this.listener = listener;
        this.liveness = new Liveness(vertx, pingInterval, idleTimeout, () -> paused);
        FrameRouter router = new FrameRouter(codec, listener);
        socket.textMessageHandler(text -> {
            liveness.received();
            if (!finished) {
                router.text(text);
            }
        });
        socket.binaryMessageHandler(bytes -> {
            liveness.received();
            if (!finished) {
                router.binary(bytes);
            }
        });
        socket.pongHandler(pong -> liveness.received());
        socket.exceptionHandler(e -> {
            String error = Failures.describe(e);
            if (firstError == null) {
                firstError = error;
            }
            LOG.debug("Socket error: {}", error);
        });
        socket.drainHandler(v -> {
            if (!finished) {
                listener.onWritable();
            }
        });
        socket.closeHandler(v -> {
            closed.tryComplete();
            Short code = socket.closeStatusCode();
            String reason = socket.closeReason();
            if (code == null) {
                gone(null, "the connection was lost without a close frame"
                        + (firstError == null ? "" : ", after " + firstError));
            } else {
                gone((int) code, reason == null || reason.isEmpty() ? "close code " + code : reason);
            }
        });
        liveness.watch(socket::writePing, why -> {
            LOG.warn("Abandoning a silent socket: {}", why);
            listenerGone(null, why);
            abandon();
        });
    }

    private void gone(Integer code, String reason) {
        liveness.stop();
        listenerGone(code, reason);
    }

    private void listenerGone(Integer code, String reason) {
        if (!finished) {
            finished = true;
            listener.onClosed(code, reason);
        }
    }

    @Override
    public Future<Void> write(ClientFrame frame) {
        return socket.writeFrame(codec.encode(frame));
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    @Override
    public void pause() {
        if (!paused) {
            paused = true;
            socket.pause();
        }
    }

    @Override
    public void resume() {
        if (paused) {
            paused = false;
            socket.resume();
        }
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public Future<Void> close(short code, String reason) {
        finished = true;
        liveness.stop();
        if (socket.isClosed()) {
            closed.tryComplete();
        } else {
            socket.close(code, reason);
        }
        return closed.future();
    }

    /**
     * The close frame goes out, but nothing waits for the peer's: Vert.x closes the TCP connection after its closing
     * timeout, by which time the client has moved on to another socket.
     */
    @Override
    public void abandon() {
        finished = true;
        liveness.stop();
        if (!socket.isClosed()) {
            socket.close((short) 1001, "Going away");
        }
    }
}
