package io.github.webpubsub.emulator.trace;

import java.util.Locale;

/** What a live trace entry reports; {@link #wireName()} is its {@code kind} in the JSON feed. */
public enum TraceKind {
    /** The feed's first line to a reader: the subscription is live from here on. */
    SUBSCRIBED("subscribed"),
    /** A new connection: userId, subprotocol. */
    CONNECTED("connected"),
    /** A connection gone for good: close code (if a socket was closed) and reason. */
    DISCONNECTED("disconnected"),
    /** A reliable connection's socket went away without ending it: it may be recovered within the window. */
    DROPPED("dropped"),
    /** A recovery attempt and its outcome ({@code recovered} or {@code refused}). */
    RECOVERY("recovery"),
    /** A WebSocket handshake the emulator refused, with the HTTP status and why. */
    HANDSHAKE_REFUSED("handshakeRefused"),
    /** A connection joined a group. */
    JOIN_GROUP("joinGroup"),
    /** A connection left a group. */
    LEAVE_GROUP("leaveGroup"),
    /** A data message, from a client ({@code in}) or to one ({@code out}). */
    MESSAGE("message"),
    /** An ack the emulator sent, or withheld, with its result. */
    ACK("ack"),
    /** A client's sequenceAck, with the unacked count after it. */
    SEQUENCE_ACK("sequenceAck"),
    /** A REST call and its status. */
    REST("rest"),
    /** A call to the app server's event handler and its outcome. */
    EVENT_HANDLER("eventHandler"),
    /** A client's invoke request: invocationId, event, data. */
    INVOKE("invoke"),
    /** The emulator's answer to an invoke: invocationId, result, the error if any. */
    INVOKE_RESPONSE("invokeResponse"),
    /** A client's cancelInvocation, and whether the invocation was still running. */
    CANCEL_INVOCATION("cancelInvocation"),
    /** A fault armed, cleared or acting. */
    FAULT("fault"),
    /** Entries this reader lost because it read too slowly. */
    OVERFLOW("overflow");

    private final String wireName;

    TraceKind(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code kind} in the JSON feed. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, case-insensitively.
     *
     * @throws IllegalArgumentException when it names no kind
     */
    public static TraceKind fromWire(String name) {
        for (TraceKind k : values()) {
            if (k.wireName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown trace kind '" + name + "'");
    }
}
