package io.github.webpubsub.client.receive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.event.GroupMessageEvent;
import io.github.webpubsub.client.event.ServerMessageEvent;
import io.github.webpubsub.client.event.WebPubSubListener;
import io.github.webpubsub.client.protocol.ServerFrame;
import io.vertx.core.Context;

/**
 * Hands messages and lifecycle events to the listeners, one at a time and in arrival order, on a worker thread.
 * <p>
 * Three duties meet here. Duplicates: on a reliable protocol a message whose sequenceId is not above the highest
 * seen is a redelivery after a recovery and is dropped. Acknowledgement: only messages whose listeners have returned
 * count towards the sequenceAck, so a message lost in a crash is redelivered rather than acked unseen.
 * Back-pressure: at most {@code receiveQueueCapacity} messages wait for the listeners; beyond that the socket is
 * paused, and resumed once half have been delivered.
 * <p>
 * State is confined to the client's event loop; only the listener calls run elsewhere.
 */
public final class InboundDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDispatcher.class);

    /** What the dispatcher needs from the connection. */
    public interface Flow {
        /** Stop reading from the socket. */
        void pause();

        /** Read from the socket again. */
        void resume();

        /** Acknowledge every message up to this sequenceId; returns false when there is no connection to write on. */
        boolean sequenceAck(long sequenceId);
    }

    private final Context context;
    private Flow flow;
    private final int capacity;
    private final int ackBatch;
    private final List<WebPubSubListener> listeners = new CopyOnWriteArrayList<>();

    /** Incremented on every new connection: sequenceIds of older connections no longer mean anything. */
    private int epoch;
    private long highestReceived;
    private long highestDelivered;
    private boolean ackDue;
    private int deliveredSinceAck;
    /** Written on the event loop only; volatile so that monitoring can read it from anywhere. */
    private volatile int waiting;
    private boolean paused;

    /** A dispatcher running listeners in order on the worker side of {@code context}; {@link #bind} completes it. */
    public InboundDispatcher(Context context, WebPubSubClientOptions options) {
        this.context = context;
        this.capacity = options.getReceiveQueueCapacity();
        this.ackBatch = options.getSequenceAckBatch();
    }

    /** Connects the dispatcher to the socket it controls; the supervisor that owns the socket needs it first. */
    public void bind(Flow socketFlow) {
        this.flow = socketFlow;
    }

    /** Adds a listener for every following event. */
    public void addListener(WebPubSubListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void removeListener(WebPubSubListener listener) {
        listeners.remove(listener);
    }

    /** A new connection: its sequenceIds start again from 1. */
    public void newConnection() {
        epoch++;
        highestReceived = 0;
        highestDelivered = 0;
        ackDue = false;
        deliveredSinceAck = 0;
    }

    /** How many received messages wait for the listeners. Never more than the receive queue capacity plus one frame. */
    public int waiting() {
        return waiting;
    }

    /** Whether reading is paused because the listeners are behind. */
    public boolean paused() {
        return paused;
    }

    /** A group or server message arrived on the connection with this id. */
    public void onMessage(ServerFrame frame, String connectionId) {
        Long sequenceId;
        Consumer<WebPubSubListener> delivery;
        if (frame instanceof ServerFrame.GroupMessage message) {
            sequenceId = message.sequenceId();
            GroupMessageEvent event = new GroupMessageEvent(connectionId, message.group(), message.fromUserId(),
                    message.data(), sequenceId);
            delivery = listener -> listener.onGroupMessage(event);
        } else if (frame instanceof ServerFrame.ServerMessage message) {
            sequenceId = message.sequenceId();
            ServerMessageEvent event = new ServerMessageEvent(connectionId, message.data(), sequenceId);
            delivery = listener -> listener.onServerMessage(event);
        } else {
            throw new IllegalArgumentException("Not a message: " + frame);
        }
        if (sequenceId != null) {
            if (sequenceId <= highestReceived) {
                // A redelivery after a recovery: already queued or delivered. Ack again so the service drops it too.
                ackDue = true;
                return;
            }
            highestReceived = sequenceId;
        }
        if (++waiting >= capacity && !paused) {
            paused = true;
            LOG.debug("{} messages wait for the listeners: pausing the socket", waiting);
            flow.pause();
        }
        int deliveryEpoch = epoch;
        context.executeBlocking(() -> {
            callListeners(delivery);
            return null;
        }, true).onComplete(ar -> delivered(sequenceId, deliveryEpoch));
    }

    private void delivered(Long sequenceId, int deliveryEpoch) {
        waiting--;
        if (sequenceId != null && deliveryEpoch == epoch && sequenceId > highestDelivered) {
            highestDelivered = sequenceId;
            ackDue = true;
            if (++deliveredSinceAck >= ackBatch) {
                flushAck();
            }
        }
        if (paused && waiting <= capacity / 2) {
            paused = false;
            LOG.debug("Listeners caught up: resuming the socket");
            flow.resume();
        }
    }

    /** Sends a sequenceAck if anything was delivered, or redelivered, since the last one. On the timer and in bursts. */
    public void flushAck() {
        if (ackDue && highestDelivered > 0 && flow.sequenceAck(highestDelivered)) {
            ackDue = false;
            deliveredSinceAck = 0;
        }
    }

    /** Hands a lifecycle event to the listeners, in order with the messages. */
    public void emit(Consumer<WebPubSubListener> event) {
        context.executeBlocking(() -> {
            callListeners(event);
            return null;
        }, true);
    }

    private void callListeners(Consumer<WebPubSubListener> event) {
        for (WebPubSubListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("Listener {} threw; delivery goes on", listener, e);
            }
        }
    }
}
