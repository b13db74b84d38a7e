package io.github.webpubsub.client.internal.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.internal.codec.FrameCodec;
import io.github.webpubsub.client.internal.codec.MalformedFrameException;
import io.github.webpubsub.client.internal.codec.ServerFrame;
import io.vertx.core.buffer.Buffer;

/** Decodes what arrived on a socket and tells it apart, once, to the listener's method for its kind. */
public final class FrameRouter {

    private static final Logger LOG = LoggerFactory.getLogger(FrameRouter.class);

    private final FrameCodec codec;
    private final TransportListener listener;

    /** A router decoding with {@code codec} for {@code listener}. */
    public FrameRouter(FrameCodec codec, TransportListener listener) {
        this.codec = codec;
        this.listener = listener;
    }

    /** A text message arrived. */
    public void text(String text) {
        ServerFrame frame;
        try {
            frame = codec.decode(text);
        } catch (MalformedFrameException e) {
            listener.onMalformed(e);
            return;
        }
        route(frame);
    }

    /** A binary message arrived. */
    public void binary(Buffer bytes) {
        ServerFrame frame;
        try {
            frame = codec.decode(bytes);
        } catch (MalformedFrameException e) {
            listener.onMalformed(e);
            return;
        }
        route(frame);
    }

    private void route(ServerFrame frame) {
        if (frame instanceof ServerFrame.Message message) {
            listener.onMessage(message);
        } else if (frame instanceof ServerFrame.Ack ack) {
            listener.onAck(ack);
        } else if (frame instanceof ServerFrame.Connected connected) {
            listener.onConnected(connected);
        } else if (frame instanceof ServerFrame.Disconnected disconnected) {
            listener.onDisconnectedNotice(disconnected);
        } else if (frame instanceof ServerFrame.InvokeResponse response) {
            listener.onInvokeResponse(response);
        } else if (frame instanceof ServerFrame.Ignored ignored) {
            LOG.debug("Ignored a '{}' frame", ignored.type());
        }
    }
}
