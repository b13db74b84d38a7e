package io.github.webpubsub.emulator.protocol;

import java.nio.charset.StandardCharsets;

import io.vertx.core.json.JsonObject;

/**
 * A {@code type:"message"} frame encoded once for a whole fan-out. Reliable receivers each need their own
 * {@code sequenceId}, so the encoding stops short of the closing brace and each receiver appends its own.
 */
public final class OutboundMessage {

    private final String withoutSequenceId;
    private final String openPrefix;
    private final int utf8Length;
    private final String group;
    private final String fromUserId;
    private final Payload payload;

    private OutboundMessage(JsonObject frame, String group, String fromUserId, Payload payload) {
        this.group = group;
        this.fromUserId = fromUserId;
        this.payload = payload;
        this.withoutSequenceId = frame.encode();
        this.openPrefix = withoutSequenceId.substring(0, withoutSequenceId.length() - 1) + ",\"sequenceId\":";
        this.utf8Length = withoutSequenceId.getBytes(StandardCharsets.UTF_8).length;
    }

    /** A message published to a group, by a client ({@code fromUserId} may be null) or through REST. */
    public static OutboundMessage fromGroup(String group, String fromUserId, Payload payload) {
        JsonObject frame = new JsonObject().put("type", "message").put("from", "group").put("group", group);
        if (fromUserId != null) {
            frame.put("fromUserId", fromUserId);
        }
        return new OutboundMessage(frame.put("dataType", payload.dataType().wireName()).put("data", payload.value()), group,
                fromUserId, payload);
    }

    /** A message from the app server: a REST send to all, a user or a connection, or an upstream reply. */
    public static OutboundMessage fromServer(Payload payload) {
        return new OutboundMessage(new JsonObject().put("type", "message").put("from", "server")
                .put("dataType", payload.dataType().wireName()).put("data", payload.value()), null, null, payload);
    }

    /** The group it was published to, or {@code null} for a message from the server. */
    public String group() {
        return group;
    }

    /** The user who published it, or {@code null}. */
    public String fromUserId() {
        return fromUserId;
    }

    /** Its data, for the live trace. */
    public Payload payload() {
        return payload;
    }

    /** The frame for a receiver on the non-reliable protocol. */
    public String frame() {
        return withoutSequenceId;
    }

    /** The frame for a receiver on the reliable protocol. */
    public String frame(long sequenceId) {
        return openPrefix + sequenceId + "}";
    }

    /** Roughly what one buffered copy costs, for the reliable buffer's 16 MB limit. */
    public int sizeInBytes() {
        return utf8Length + 24;
    }
}
