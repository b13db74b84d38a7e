package io.github.webpubsub.client.internal.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.FrameCodec;
import io.github.webpubsub.client.internal.transport.FrameRouter;
import io.github.webpubsub.client.internal.transport.Transport;
import io.github.webpubsub.client.internal.transport.TransportListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/**
 * A socket without a network: the test plays the service by feeding JSON frames in, and reads what the client
 * wrote. Frames go through the real codec, so what is tested is what would cross the wire. Everything the test does
 * hops onto the client's event loop, as a real socket's callbacks would.
 */
public final class FakeTransport implements Transport {

    private final String url;
    private final Context loop;
    private final FrameCodec codec;
    private final TransportListener listener;
    private final FrameRouter router;
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<byte[]> writtenBinary = new CopyOnWriteArrayList<>();
    private volatile boolean paused;
    private volatile boolean closedByClient;
    private volatile boolean gone;
    private volatile boolean writeQueueFull;
    /** The client's close waits for the test's {@link #answerClose()}, as a real one waits for the peer's close frame. */
    private volatile boolean closeHeld;
    private final Promise<Void> closeAnswered = Promise.promise();

    FakeTransport(String url, Context loop, FrameCodec codec, TransportListener listener) {
        this.url = url;
        this.loop = loop;
        this.codec = codec;
        this.listener = listener;
        this.router = new FrameRouter(codec, listener);
    }

    /** The URL this socket was opened with. */
    public String url() {
        return url;
    }

    /** The service sends a text frame; it is decoded and routed as a real socket's would be. */
    public FakeTransport receive(String json) {
        loop.runOnContext(v -> {
            if (!gone) {
                router.text(json);
            }
        });
        return this;
    }

    /** The service sends a binary frame, such as a protobuf one; it is decoded and routed as a real socket's would be. */
    public FakeTransport receive(io.vertx.core.buffer.Buffer binary) {
        loop.runOnContext(v -> {
            if (!gone) {
                router.binary(binary);
            }
        });
        return this;
    }

    /** Every binary frame the client wrote (the protobuf protocols), in order. */
    public List<byte[]> writtenBinary() {
        return List.copyOf(writtenBinary);
    }

    /** The service sends {@code connected}. */
    public FakeTransport connected(String connectionId, String userId, String token) {
        return receive("{\"type\":\"system\",\"event\":\"connected\",\"connectionId\":\"" + connectionId + "\""
                + (userId == null ? "" : ",\"userId\":\"" + userId + "\"")
                + (token == null ? "" : ",\"reconnectionToken\":\"" + token + "\"") + "}");
    }

    /** The service sends a group message. */
    public FakeTransport groupMessage(String group, String text, long sequenceId) {
        return receive("{\"type\":\"message\",\"from\":\"group\",\"group\":\"" + group
                + "\",\"dataType\":\"text\",\"data\":\"" + text + "\",\"sequenceId\":" + sequenceId + "}");
    }

    /** The service acks a request. */
    public FakeTransport ack(long ackId) {
        return receive("{\"type\":\"ack\",\"ackId\":" + ackId + ",\"success\":true}");
    }

    /** The socket closes, with a close frame ({@code code} not null) or lost without one. */
    public void close(Integer code, String reason) {
        loop.runOnContext(v -> {
            if (!gone) {
                gone = true;
                listener.onClosed(code, reason);
            }
        });
    }

    /** Fills or drains the socket's write queue. */
    public void writeQueueFull(boolean full) {
        loop.runOnContext(v -> {
            writeQueueFull = full;
            if (!full && !gone) {
                listener.onWritable();
            }
        });
    }

    /**
     * From now on the client's close of this socket completes only when the test calls {@link #answerClose()}, as a
     * real socket's close waits for the service's close frame: the client stays STOPPING meanwhile.
     */
    public FakeTransport holdClose() {
        closeHeld = true;
        return this;
    }

    /** The service answers the client's close: the close completes. */
    public void answerClose() {
        loop.runOnContext(v -> closeAnswered.tryComplete());
    }

    /** Every frame the client wrote, as JSON text, in order. */
    public List<String> written() {
        return List.copyOf(written);
    }

    /** The frames the client wrote whose type is {@code type}. */
    public List<String> written(String type) {
        return written.stream().filter(frame -> frame.contains("\"type\":\"" + type + "\"")).toList();
    }

    public boolean isPaused() {
        return paused;
    }

    /** Whether the client closed or abandoned this socket. */
    public boolean closedByClient() {
        return closedByClient;
    }

    @Override
    public Future<Void> write(ClientFrame frame) {
        if (gone || closedByClient) {
            return Future.failedFuture("socket closed");
        }
        io.vertx.core.http.WebSocketFrame encoded = codec.encode(frame);
        if (encoded.isBinary()) {
            writtenBinary.add(encoded.binaryData().getBytes());
        } else {
            written.add(encoded.textData());
        }
        return Future.succeededFuture();
    }

    @Override
    public boolean writeQueueFull() {
        return writeQueueFull;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public boolean paused() {
        return paused;
    }

    @Override
    public Future<Void> close(short code, String reason) {
        closedByClient = true;
        gone = true;
        return closeHeld ? closeAnswered.future() : Future.succeededFuture();
    }

    @Override
    public void abandon() {
        closedByClient = true;
        gone = true;
    }
}
