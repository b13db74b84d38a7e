package io.github.webpubsub.client.internal.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.AckMode;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.internal.codec.ClientFrame;
import io.github.webpubsub.client.internal.codec.MalformedFrameException;
import io.github.webpubsub.client.internal.codec.ServerFrame;
import io.github.webpubsub.client.internal.delivery.EventDelivery;
import io.github.webpubsub.client.internal.transport.Transport;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Receives messages: drops redeliveries, hands the rest to the listeners in order, and acknowledges them to a
 * reliable service when the {@link AckMode} says so.
 * <p>
 * Duplicates: on a reliable protocol a message whose sequenceId is not above the highest seen is a redelivery after
 * a recovery and is dropped, and answered with an ack at once. Acknowledgement: after processing, only messages whose
 * listeners have returned count; on receipt, also those covered by the receive buffer. An ack goes out as soon as
 * {@code sequenceAckBatch} more messages are covered (a tenth of that while the service holds a batch or more
 * unacknowledged, as when listeners are behind), on the timer, at once on every recovered socket, and at the first
 * redelivery. The listeners report what they have handled through a lock-free queue that the event loop drains in
 * batches: no ack waits behind a hop per message. Listeners may finish out of order; acks never skip a message.
 * <p>
 * A reliable socket is never paused: the service sends at most 1000 unacknowledged messages before it closes the
 * connection, which bounds what the client holds, and a paused socket would not notice that close. On the json
 * protocol, where nothing bounds it, the socket is paused while {@code receiveQueueCapacity} messages wait.
 * <p>
 * It writes only downwards, to the transport it is attached to. Event loop only, except {@link #handled(long)} and
 * the counters.
 */
public final class Inbox {

    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final Vertx vertx;
    private final Context loop;
    private final EventDelivery delivery;
    private final boolean reliable;
    private final boolean ackOnReceipt;
    private final int pauseCapacity;
    private final int bufferMessages;
    private final long bufferBytes;
    private final int ackBatch;
    /** While the service holds a batch or more, acks go out every this many acknowledgeable messages. */
    private final int eagerAckStep;
    private final long ackIntervalMillis;

    private Transport transport;
    private long ackTimer = -1;
    /** Incremented on every new connection: sequenceIds of older connections no longer mean anything. */
    private int epoch;
    private long highestReceived;
    private long highestHandled;
    /** The highest sequenceId that may be acknowledged: handled, or covered by the receive buffer. */
    private long ackable;
    private long lastAckWritten;
    private boolean ackDue;
    private boolean ackedRedelivery;
    private boolean paused;

    /** Messages handed to the listeners and not yet handled, oldest first. */
    private final PendingMessages pending = new PendingMessages();
    /** The ticket of the next message handed to the listeners. */
    private long nextTicket = 1;
    /**
     * Tickets of messages the listeners have finished with, in any order (asynchronous listeners finish out of
     * order); written by delivery threads, drained by the event loop in batches.
     */
    private final Queue<Long> handledTickets = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handledDrainScheduled = new AtomicBoolean();

    /** While a new connection rejoins its groups, messages are held back so that "connected" is delivered first. */
    private boolean holding;
    private final List<Runnable> held = new ArrayList<>();

    private volatile int waiting;
    private volatile long received;
    private volatile long lag;
    private final AtomicLong malformed = new AtomicLong();
    private final LagWarning lagWarning = new LagWarning();
    /** The connection the last message came on, for the lag warning. */
    private String lastConnectionId;
    /** Told every sequenceId acknowledged to the service, for a state store. */
    private final LongConsumer ackWritten;
    private Runnable onIdle;

    /**
     * An inbox delivering through {@code delivery}, acknowledging on a reliable protocol and telling
     * {@code ackWritten}, on the event loop, every sequenceId it acknowledges.
     */
    public Inbox(Vertx vertx, Context loop, WebPubSubClientOptions options, boolean reliable, EventDelivery delivery,
            LongConsumer ackWritten) {
        this.vertx = vertx;
        this.loop = loop;
        this.delivery = delivery;
        this.reliable = reliable;
        this.ackOnReceipt = options.getAckMode() == AckMode.ON_RECEIPT;
        this.pauseCapacity = options.getReceiveQueueCapacity();
        this.bufferMessages = options.getReceiveBufferMessages();
        this.bufferBytes = options.getReceiveBufferBytes();
        this.ackBatch = options.getSequenceAckBatch();
        this.eagerAckStep = Math.max(1, ackBatch / 10);
        this.ackIntervalMillis = options.getSequenceAckInterval().toMillis();
        this.ackWritten = ackWritten;
    }

    /** Starts the periodic sequenceAck. */
    public void start() {
        if (reliable && ackTimer < 0) {
            ackTimer = vertx.setPeriodic(ackIntervalMillis, t -> flushAck());
        }
    }

    /** Stops the periodic sequenceAck and forgets the transport; anything held is delivered. */
    public void stop() {
        if (ackTimer >= 0) {
            vertx.cancelTimer(ackTimer);
            ackTimer = -1;
        }
        transport = null;
        release();
    }

    /**
     * A socket is open: acks go out on it. On a recovered socket the last ack is repeated at once: the one written to
     * the socket that was cut may never have arrived, and the service is about to redeliver everything after the last
     * ack it did get.
     */
    public void attach(Transport socket) {
        transport = socket;
        ackedRedelivery = false;
        if (paused) {
            socket.pause();
        }
        if (ackable > 0) {
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
        ackable = 0;
        lastAckWritten = 0;
        ackDue = false;
        pending.coverAll();
        updateLag();
    }

    /**
     * A connection taken back from a stored state: the service sends again what came after the last ack it got, and
     * what is up to {@code ackedSequenceId} was acknowledged before the restart, so it is dropped and acked again.
     */
    public void resumeConnection(long ackedSequenceId) {
        newConnection();
        highestReceived = ackedSequenceId;
        highestHandled = ackedSequenceId;
        ackable = ackedSequenceId;
        updateLag();
    }

    /** Acknowledges at once everything the listeners have finished: the last ack before the socket goes. */
    public void flushHandled() {
        drainHandled();
        ackDue = ackable > 0;
        flushAck();
    }

    /**
     * Holds back what arrives from now on and runs {@code idle} on the event loop once the listeners have finished
     * everything handed to them so far: a client leaving its connection to the next process acknowledges exactly
     * what was processed.
     */
    public void quiesce(Runnable idle) {
        holding = true;
        onIdle = idle;
        runIfIdle();
    }

    /** Forgets what was held back; returns how many messages that was. They were never acknowledged. */
    public int discardHeld() {
        int count = held.size();
        held.clear();
        return count;
    }

    private void runIfIdle() {
        // Held messages are the newest in pending: idle once everything before them has left.
        if (onIdle != null && pending.size() <= held.size()) {
            Runnable idle = onIdle;
            onIdle = null;
            idle.run();
        }
    }

    /** Holds back messages until {@link #release()}: a new connection's "connected" goes to the listeners first. */
    public void hold() {
        holding = true;
    }

    /** Delivers what was held back, in order. */
    public void release() {
        holding = false;
        List<Runnable> emits = List.copyOf(held);
        held.clear();
        emits.forEach(Runnable::run);
    }

    /** How many received messages wait for the listeners. */
    public int waiting() {
        return waiting;
    }

    /** How many malformed frames arrived since the client was created. */
    public long malformedCount() {
        return malformed.get();
    }

    /** How many received messages the service still holds for this connection, as far as the client knows. */
    public long unacknowledged() {
        return lag;
    }

    /** How many messages were handed to the listeners since the client was created. */
    public long receivedCount() {
        return received;
    }

    private void updateLag() {
        long now = reliable ? Math.max(0, highestReceived - lastAckWritten) : 0;
        if (now != lag) {
            lag = now;
            lagWarning.observe(now, lastConnectionId);
        }
    }

    /**
     * A group or server message arrived on the connection with these ids; returns false when it was the redelivery of
     * one received before, and dropped.
     */
    public boolean onMessage(ServerFrame.Message message, String connectionId, String userId) {
        lastConnectionId = connectionId;
        Long sequenceId = message.sequenceId();
        if (sequenceId != null) {
            if (sequenceId <= highestReceived) {
                redelivered();
                return false;
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
        deliver(event, sequenceId, message.data().length());
        return true;
    }

    /**
     * Something that is not a valid frame arrived. It is never silent: logged at ERROR without its content, counted,
     * and handed to the listeners in order with the messages. Where its sequenceId could be read, it is acknowledged
     * like a message, so the service does not send it again and again.
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
                reliable ? sequenceId : null, 0);
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

    private void deliver(WebPubSubEvent event, Long sequenceId, int size) {
        long ticket = nextTicket++;
        received++;
        updateLag();
        pending.add(sequenceId == null || !reliable ? PendingMessages.NO_SEQUENCE : sequenceId, size, epoch);
        waiting = pending.size();
        if (ackOnReceipt && reliable) {
            cover();
        }
        if (!reliable && !paused && pending.size() >= pauseCapacity) {
            paused = true;
            LOG.debug("{} messages wait for the listeners: pausing the socket", pending.size());
            if (transport != null) {
                transport.pause();
            }
        }
        Runnable done = () -> handled(ticket);
        if (holding) {
            held.add(() -> delivery.emit(event, done));
        } else {
            delivery.emit(event, done);
        }
    }

    /**
     * The listeners are done with the message of this ticket. Called on a delivery thread: it only records the
     * ticket, and the event loop drains them in a batch.
     */
    private void handled(long ticket) {
        handledTickets.add(ticket);
        if (handledDrainScheduled.compareAndSet(false, true)) {
            try {
                loop.runOnContext(v -> drainHandled());
            } catch (RuntimeException e) {
                LOG.debug("The event loop is gone: {}", e.toString());
            }
        }
    }

    private void drainHandled() {
        handledDrainScheduled.set(false);
        long firstPending = nextTicket - pending.size();
        Long ticket;
        while ((ticket = handledTickets.poll()) != null) {
            if (ticket >= firstPending) {
                pending.markDone((int) (ticket - firstPending));
            }
        }
        // Acknowledgements stay in order: only the oldest messages, once finished, leave.
        while (!pending.isEmpty() && pending.headDone()) {
            long sequenceId = pending.headSequence();
            boolean current = pending.headEpoch() == epoch;
            pending.removeHead();
            if (current && sequenceId != PendingMessages.NO_SEQUENCE && sequenceId > highestHandled) {
                highestHandled = sequenceId;
            }
        }
        waiting = pending.size();
        if (highestHandled > ackable) {
            ackable = highestHandled;
        }
        if (ackOnReceipt && reliable) {
            cover();
        }
        ackIfBatchDue();
        runIfIdle();
        if (paused && pending.size() <= pauseCapacity / 2) {
            paused = false;
            LOG.debug("Listeners caught up: resuming the socket");
            if (transport != null) {
                transport.resume();
            }
        }
    }

    /** On receipt: the buffer covers the oldest pending messages up to its bounds; they may be acknowledged now. */
    private void cover() {
        long covered = pending.cover(bufferMessages, bufferBytes, epoch);
        if (covered > ackable) {
            ackable = covered;
            ackIfBatchDue();
        }
    }

    /**
     * An ack is due once {@code sequenceAckBatch} more messages may be acknowledged, or, while the service holds at
     * least that many for this connection (received but not yet acknowledgeable: listeners behind, after processing),
     * as soon as a tenth of a batch is ready. What the service holds counts against its 1000-message limit, so the
     * client gives back each bit it can instead of waiting for a full batch.
     */
    private void ackIfBatchDue() {
        long ready = ackable - lastAckWritten;
        if (ready >= ackBatch || (ready >= eagerAckStep && highestReceived - lastAckWritten >= ackBatch)) {
            ackDue = true;
            flushAck();
        }
    }

    /** Sends a sequenceAck if anything became acknowledgeable, or was redelivered, since the last one. */
    public void flushAck() {
        if (transport != null && ackable > 0 && (ackDue || ackable > lastAckWritten)) {
            transport.write(new ClientFrame.SequenceAck(ackable));
            lastAckWritten = ackable;
            ackDue = false;
            updateLag();
            ackWritten.accept(ackable);
        }
    }
}
