package io.github.webpubsub.emulator.fault;

import java.util.ArrayDeque;
import java.util.Deque;

import io.github.webpubsub.emulator.trace.TraceEvent;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSink;

/**
 * The faults armed for upcoming requests, handshakes and recoveries. Tests arm them from their own thread; the event
 * loop consumes them, one per event, in the order they were armed.
 */
public final class FaultPlan {

    /** A count meaning "until cleared". */
    public static final int UNTIL_CLEARED = Integer.MAX_VALUE;

    private record Armed(AckFault fault, int remaining) {
    }

    private final Deque<Armed> ackFaults = new ArrayDeque<>();
    private int refusedRecoveries;
    private int refusedUpgrades;
    private int refusedUpgradeStatus;
    private final TraceSink trace;

    /** @param trace where arming and clearing are reported; the parts that consume a fault report it acting */
    public FaultPlan(TraceSink trace) {
        this.trace = trace;
    }

    public synchronized void armAcks(AckFault fault, int count) {
        ackFaults.addLast(new Armed(fault, requirePositive(count)));
        if (trace.active()) {
            TraceEvent.Builder entry = armed(fault instanceof AckFault.Withhold ? "withholdAcks"
                    : fault instanceof AckFault.Delay ? "delayAcks" : fault instanceof AckFault.Fail ? "failAcks" : "none", count);
            if (fault instanceof AckFault.Delay delay) {
                entry.with("delayMs", delay.delay().toMillis());
            } else if (fault instanceof AckFault.Fail fail) {
                entry.with("error", fail.errorName());
            }
            trace.publish(entry);
        }
    }

    public synchronized void refuseRecoveries(int count) {
        refusedRecoveries = requirePositive(count);
        if (trace.active()) {
            trace.publish(armed("refuseRecoveries", count));
        }
    }

    private static TraceEvent.Builder armed(String fault, int count) {
        return TraceEvent.of(TraceKind.FAULT).with("action", "armed").with("fault", fault)
                .with("count", count == UNTIL_CLEARED ? "untilCleared" : count);
    }

    public synchronized void refuseUpgrades(int httpStatus, int count) {
        if (httpStatus < 400 || httpStatus > 599) {
            throw new IllegalArgumentException("An upgrade can only be refused with a 4xx or 5xx status, not " + httpStatus);
        }
        refusedUpgradeStatus = httpStatus;
        refusedUpgrades = requirePositive(count);
        if (trace.active()) {
            trace.publish(armed("refuseUpgrades", count).with("status", httpStatus));
        }
    }

    public synchronized void clear() {
        ackFaults.clear();
        refusedRecoveries = 0;
        refusedUpgrades = 0;
        if (trace.active()) {
            trace.publish(TraceEvent.of(TraceKind.FAULT).with("action", "cleared"));
        }
    }

    /** The fault for the next request that asked for an ack. */
    public synchronized AckFault nextAck() {
        Armed head = ackFaults.pollFirst();
        if (head == null) {
            return AckFault.NONE;
        }
        if (head.remaining() > 1) {
            ackFaults.addFirst(new Armed(head.fault(), decrement(head.remaining())));
        }
        return head.fault();
    }

    /** Whether the next recovery is to be refused. */
    public synchronized boolean nextRecoveryRefused() {
        if (refusedRecoveries == 0) {
            return false;
        }
        refusedRecoveries = decrement(refusedRecoveries);
        return true;
    }

    /** The HTTP status to refuse the next upgrade with, or 0 to accept it. */
    public synchronized int nextUpgradeRefusal() {
        if (refusedUpgrades == 0) {
            return 0;
        }
        refusedUpgrades = decrement(refusedUpgrades);
        return refusedUpgradeStatus;
    }

    private static int decrement(int count) {
        return count == UNTIL_CLEARED ? count : count - 1;
    }

    private static int requirePositive(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, or FaultPlan.UNTIL_CLEARED");
        }
        return count;
    }
}
