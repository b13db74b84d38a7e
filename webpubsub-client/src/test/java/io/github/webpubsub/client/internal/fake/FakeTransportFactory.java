package io.github.webpubsub.client.internal.fake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.webpubsub.client.WebPubSubProtocol;
import io.github.webpubsub.client.internal.codec.FrameCodec;
import io.github.webpubsub.client.internal.transport.Transport;
import io.github.webpubsub.client.internal.transport.TransportFactory;
import io.github.webpubsub.client.internal.transport.TransportListener;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Hands the client fake sockets. Each open waits until the test accepts or refuses it, so the test decides what
 * happens at every step, frame by frame.
 */
public final class FakeTransportFactory implements TransportFactory {

    /** An open the client asked for, waiting for the test's answer. */
    public final class PendingOpen {
        private final String url;
        private final TransportListener listener;
        private final Promise<Transport> promise;

        PendingOpen(String url, TransportListener listener, Promise<Transport> promise) {
            this.url = url;
            this.listener = listener;
            this.promise = promise;
        }

        public String url() {
            return url;
        }

        /** The socket opens. */
        public FakeTransport accept() {
            FakeTransport socket = new FakeTransport(url, vertx.getOrCreateContext(), codec, listener);
            sockets.add(socket);
            vertx.runOnContext(v -> promise.tryComplete(socket));
            return socket;
        }

        /** The handshake fails. */
        public void refuse(Throwable cause) {
            vertx.runOnContext(v -> promise.tryFail(cause));
        }
    }

    private final Vertx vertx;
    private final FrameCodec codec;
    private final BlockingQueue<PendingOpen> opens = new LinkedBlockingQueue<>();
    private final List<FakeTransport> sockets = new CopyOnWriteArrayList<>();
    private final List<String> urls = new CopyOnWriteArrayList<>();

    public FakeTransportFactory(Vertx vertx, WebPubSubProtocol protocol) {
        this.vertx = vertx;
        this.codec = FrameCodec.of(protocol);
    }

    @Override
    public Future<Transport> open(String url, TransportListener listener) {
        Promise<Transport> promise = Promise.promise();
        urls.add(url);
        opens.add(new PendingOpen(url, listener, promise));
        return promise.future();
    }

    /** The next open the client asks for, waiting at most {@code timeout}. */
    public PendingOpen nextOpen(Duration timeout) {
        try {
            PendingOpen open = opens.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (open == null) {
                throw new AssertionError("The client opened no socket within " + timeout);
            }
            return open;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether the client asks for another socket within {@code within}; null when it does not. */
    public PendingOpen maybeNextOpen(Duration within) {
        try {
            return opens.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every URL the client opened, in order. */
    public List<String> urls() {
        return List.copyOf(urls);
    }

    @Override
    public void close() {
    }
}
