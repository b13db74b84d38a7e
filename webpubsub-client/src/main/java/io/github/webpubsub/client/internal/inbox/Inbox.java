package io.github.webpubsub.client.internal.inbox;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.MalformedFrameException;
import io.github.webpubsub.client.internal.codec.ServerFrame;
import io.github.webpubsub.client.internal.delivery.EventDelivery;
import io.github.webpubsub.client.internal.transport.Transport;
import io.vertx.core.Vertx;

/**
 * Receives messages: drops redeliveries, hands the rest to the listeners, acknowledges what they have handled, and
 * pauses the socket while they are behind.
 * <p>
 * Duplicates: on a reliable protocol a message whose sequenceId is not above the highest seen is a redelivery after
 * a recovery and is dropped. Acknowledgement: only messages whose listeners have returned count towards the
 * sequenceAck, so a message lost in a crash is redelivered rather than acked unseen. Back-pressure: at most
 * {@code receiveQueueCapacity} messages wait for the listeners; beyond that the socket is paused, and resumed once
 * half have been handled.
 * <p>
 * It writes only downwards, to the transport it is attached to. Event loop only, except the counters.
 */
public final class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final Vertx vertx;
    private final EventDelivery delivery;
    private final boolean reliable;
    private final int capacity;
    private final int ackBatch;
    private final long ackIntervalMillis;

    private Transport transport;
    private long ackTimer = -1;
    /** Incremented on every new connection: sequenceIds of older connections no longer mean anything. */
    private int epoch;
    private long highestReceived;
    private long highestHandled;
    private boolean ackDue;
    private int handledSinceAck;
    /** Written on the event loop only; volatile so that monitoring can read it from anywhere. */
    private volatile int waiting;
    private boolean paused;
    private boolean ackedRedelivery;
    private final AtomicLong malformed = new AtomicLong();

    /** An inbox delivering through {@code delivery}, acknowledging on a reliable protocol. */
    public Inbox(Vertx vertx, WebPubSubClientOptions options, boolean reliable, EventDelivery delivery) {
        this.vertx = vertx;
        this.delivery = delivery;
        this.reliable = reliable;
        this.capacity = options.getReceiveQueueCapacity();
        this.ackBatch = options.getSequenceAckBatch();
        this.ackIntervalMillis = options.getSequenceAckInterval().toMillis();
    }

    /** Starts the periodic sequenceAck. */
    public void start() {
        if (reliable && ackTimer < 0) {
            ackTimer = vertx.setPeriodic(ackIntervalMillis, t -> flushAck());
        }
    }

    /** Stops the periodic sequenceAck and forgets the transport. */
    public void stop() {
        if (ackTimer >= 0) {
            vertx.cancelTimer(ackTimer);
            ackTimer = -1;
        }
        transport = null;
    }

    /**
     * A socket is open: acks go out on it, and it is paused at once if the listeners are behind. On a recovered
     * socket the last ack is repeated at once: the one written to the socket that was cut may never have arrived, and
     * the service is about to redeliver everything after the last ack it did get.
     */
    public void attach(Transport socket) {
        transport = socket;
        ackedRedelivery = false;
        if (paused) {
            socket.pause();
        }
        if (highestHandled > 0) {
            ackDue = true;
            flushAck();
        }
    }

    /** The socket is gone; acks wait for the next one. */
    public void detach() {
        transport = null;
    }

    /** A new connection: its sequenceIds start again from 1. */
    public void newConnection() {
        epoch++;
        highestReceived = 0;
        highestHandled = 0;
        ackDue = false;
        handledSinceAck = 0;
    }

    /** How many received messages wait for the listeners. Never more than the receive queue capacity plus one frame. */
    public int waiting() {
        return waiting;
    }

    /** How many malformed frames arrived since the client was created. */
    public long malformedCount() {
        return malformed.get();
    }

    /** A group or server message arrived on the connection with these ids. */
    public void onMessage(ServerFrame.Message message, String connectionId, String userId) {
        Long sequenceId = message.sequenceId();
        if (sequenceId != null) {
            if (sequenceId <= highestReceived) {
                redelivered();
                return;
            }
            if (sequenceId != highestReceived + 1 && highestReceived > 0) {
                LOG.warn("Connection {}: sequenceId jumped from {} to {}; the messages between never arrived",
                        connectionId, highestReceived, sequenceId);
            }
            highestReceived = sequenceId;
        } else if (reliable) {
            LOG.warn("Connection {}: a message without a sequenceId on a reliable protocol; delivered, but it cannot "
                    + "be deduplicated or acknowledged", connectionId);
        }
        WebPubSubEvent event;
        if (message instanceof ServerFrame.GroupMessage group) {
            event = new WebPubSubEvent.GroupMessage(connectionId, userId, group.group(), group.fromUserId(),
                    group.data(), sequenceId);
        } else {
            event = new WebPubSubEvent.ServerMessage(connectionId, userId, message.data(), sequenceId);
        }
        deliver(event, sequenceId);
    }

    /**
     * Something that is not a valid frame arrived. It is never silent: logged at ERROR without its content, counted,
     * and handed to the listeners in order with the messages. Where its sequenceId could be read, it is acknowledged
     * like a message once they have returned, so the service does not send it again and again.
     */
    public void onMalformed(MalformedFrameException e, String connectionId) {
        malformed.incrementAndGet();
        Long sequenceId = e.sequenceId();
        LOG.error("Connection {}: a malformed frame from the service{}: {}", connectionId,
                sequenceId == null ? "" : " (sequenceId " + sequenceId + ")", e.getMessage());
        if (sequenceId != null && reliable) {
            if (sequenceId <= highestReceived) {
                redelivered();
                return;
            }
            highestReceived = sequenceId;
        }
        deliver(new WebPubSubEvent.MalformedMessage(connectionId, sequenceId, e.getMessage()),
                reliable ? sequenceId : null);
    }

    /**
     * A message already queued or handled came again: the service never got the ack that covers it. The first such
     * redelivery on a socket is answered by an ack at once, so the service stops resending; the rest wait for the
     * usual ack.
     */
    private void redelivered() {
        ackDue = true;
        if (!ackedRedelivery) {
            ackedRedelivery = true;
            flushAck();
        }
    }

    private void deliver(WebPubSubEvent event, Long sequenceId) {
        if (++waiting >= capacity && !paused) {
            paused = true;
            LOG.debug("{} messages wait for the listeners: pausing the socket", waiting);
            if (transport != null) {
                transport.pause();
            }
        }
        int deliveryEpoch = epoch;
        delivery.emit(event, () -> handled(sequenceId, deliveryEpoch));
    }

    private void handled(Long sequenceId, int deliveryEpoch) {
        waiting--;
        if (sequenceId != null && deliveryEpoch == epoch && sequenceId > highestHandled) {
            highestHandled = sequenceId;
            ackDue = true;
            if (++handledSinceAck >= ackBatch) {
                flushAck();
            }
        }
        if (paused && waiting <= capacity / 2) {
            paused = false;
            LOG.debug("Listeners caught up: resuming the socket");
            if (transport != null) {
                transport.resume();
            }
        }
    }

    /** Sends a sequenceAck if anything was handled, or redelivered, since the last one. On the timer and in bursts. */
    public void flushAck() {
        if (ackDue && highestHandled > 0 && transport != null) {
            transport.write(new ClientFrame.SequenceAck(highestHandled));
            ackDue = false;
            handledSinceAck = 0;
        }
    }
}
