package io.github.webpubsub.client.internal.inbox;

import java.util.Arrays;

/**
 * The messages handed to the listeners and not yet handled, oldest first, as parallel rings of primitives: a
 * sequenceId, a size and a connection epoch each, no object per message. The oldest {@code covered} of them are the
 * ones the receive buffer accounts for. Event loop only.
 */
final class PendingMessages {

    /** The sequenceId of a message that has none (the json protocol, or a frame that carried none). */
    static final long NO_SEQUENCE = -1;

    private long[] sequences = new long[64];
    private int[] sizes = new int[64];
    private int[] epochs = new int[64];
    private boolean[] done = new boolean[64];
    private int head;
    private int size;
    private int covered;
    private long coveredBytes;

    void add(long sequenceId, int bytes, int epoch) {
        if (size == sequences.length) {
            grow();
        }
        int tail = (head + size) % sequences.length;
        sequences[tail] = sequenceId;
        sizes[tail] = bytes;
        epochs[tail] = epoch;
        done[tail] = false;
        size++;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Marks the message {@code offset} places behind the head as handled. */
    void markDone(int offset) {
        done[(head + offset) % sequences.length] = true;
    }

    boolean headDone() {
        return done[head];
    }

    long headSequence() {
        return sequences[head];
    }

    int headEpoch() {
        return epochs[head];
    }

    void removeHead() {
        if (covered > 0) {
            covered--;
            coveredBytes -= sizes[head];
        }
        head = (head + 1) % sequences.length;
        size--;
    }

    /**
     * Extends the covered prefix while it stays within {@code maxMessages} and {@code maxBytes}, and returns the
     * highest sequenceId of {@code epoch} in it (0 when none).
     */
    long cover(int maxMessages, long maxBytes, int epoch) {
        while (covered < size && covered < maxMessages) {
            int index = (head + covered) % sequences.length;
            if (coveredBytes + sizes[index] > maxBytes && covered > 0) {
                break;
            }
            coveredBytes += sizes[index];
            covered++;
        }
        for (int i = covered - 1; i >= 0; i--) {
            int index = (head + i) % sequences.length;
            if (epochs[index] == epoch && sequences[index] != NO_SEQUENCE) {
                return sequences[index];
            }
        }
        return 0;
    }

    /** Everything pending now counts as covered: it belongs to a connection that is gone and cannot be acked. */
    void coverAll() {
        coveredBytes = 0;
        for (int i = 0; i < size; i++) {
            coveredBytes += sizes[(head + i) % sequences.length];
        }
        covered = size;
    }

    private void grow() {
        int capacity = sequences.length * 2;
        sequences = unwrap(sequences, capacity);
        sizes = unwrap(sizes, capacity);
        epochs = unwrap(epochs, capacity);
        done = unwrap(done, capacity);
        head = 0;
    }

    private long[] unwrap(long[] ring, int capacity) {
        long[] grown = Arrays.copyOf(ring, capacity);
        for (int i = 0; i < size; i++) {
            grown[i] = ring[(head + i) % ring.length];
        }
        return grown;
    }

    private boolean[] unwrap(boolean[] ring, int capacity) {
        boolean[] grown = Arrays.copyOf(ring, capacity);
        for (int i = 0; i < size; i++) {
            grown[i] = ring[(head + i) % ring.length];
        }
        return grown;
    }

    private int[] unwrap(int[] ring, int capacity) {
        int[] grown = Arrays.copyOf(ring, capacity);
        for (int i = 0; i < size; i++) {
            grown[i] = ring[(head + i) % ring.length];
        }
        return grown;
    }
}
