package io.github.webpubsub.emulator.hub;

import java.util.ArrayDeque;
import java.util.function.BiConsumer;

/**
 * The messages a reliable connection has been sent but has not acked yet, in sequence order. The service keeps at
 * most 1000 of them or 16 MB; past either the connection is closed for good.
 */
final class ReliableBuffer {

    private record Entry(long sequenceId, String frame, int size) {
    }

    private final int maxMessages;
    private final long maxBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long lastSequenceId;
    private long bytes;

    ReliableBuffer(int maxMessages, long maxBytes) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Sequence ids start at 1 and never repeat within one connection. */
    long nextSequenceId() {
        return ++lastSequenceId;
    }

    /** Buffers a sent frame; returns false when the buffer is now over its limit. */
    boolean add(long sequenceId, String frame, int size) {
        entries.addLast(new Entry(sequenceId, frame, size));
        bytes += size;
        return entries.size() <= maxMessages && bytes <= maxBytes;
    }

    /** Drops everything up to and including {@code sequenceId}: acks are cumulative. */
    void ackUpTo(long sequenceId) {
        while (!entries.isEmpty() && entries.peekFirst().sequenceId() <= sequenceId) {
            bytes -= entries.pollFirst().size();
        }
    }

    /** Visits the unacked frames in order, for redelivery after a recovery. */
    void forEachUnacked(BiConsumer<Long, String> visitor) {
        entries.forEach(e -> visitor.accept(e.sequenceId(), e.frame()));
    }

    int maxMessages() {
        return maxMessages;
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes;
    }
}
