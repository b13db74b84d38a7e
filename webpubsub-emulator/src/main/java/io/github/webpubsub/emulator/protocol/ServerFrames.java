package io.github.webpubsub.emulator.protocol;

import io.vertx.core.json.JsonObject;

/** The control frames the emulator sends: acks, system events and pong. */
public final class ServerFrames {

    public static final String PONG = new JsonObject().put("type", "pong").encode();

    private ServerFrames() {
    }

    public static String ackSuccess(long ackId) {
        return new JsonObject().put("type", "ack").put("ackId", ackId).put("success", true).encode();
    }

    public static String ackError(long ackId, String errorName, String message) {
        return new JsonObject().put("type", "ack").put("ackId", ackId).put("success", false)
                .put("error", new JsonObject().put("name", errorName).put("message", message)).encode();
    }

    public static String connected(String connectionId, String userId, String reconnectionToken) {
        JsonObject frame = new JsonObject().put("type", "system").put("event", "connected").put("connectionId", connectionId);
        if (userId != null) {
            frame.put("userId", userId);
        }
        if (reconnectionToken != null) {
            frame.put("reconnectionToken", reconnectionToken);
        }
        return frame.encode();
    }

    /** A successful invocation; {@code payload} is {@code null} when the handler answered without a body. */
    public static String invokeResponse(String invocationId, Payload payload) {
        JsonObject frame = new JsonObject().put("type", "invokeResponse").put("invocationId", invocationId)
                .put("success", true);
        if (payload != null) {
            frame.put("dataType", payload.dataType().wireName()).put("data", payload.value());
        }
        return frame.encode();
    }

    /** A failed invocation, with the error as acks carry it. */
    public static String invokeError(String invocationId, String errorName, String message) {
        return new JsonObject().put("type", "invokeResponse").put("invocationId", invocationId).put("success", false)
                .put("error", new JsonObject().put("name", errorName).put("message", message)).encode();
    }

    /** Always carries {@code message}: the Java SDK reads it without a null check. */
    public static String disconnected(String message) {
        return new JsonObject().put("type", "system").put("event", "disconnected").put("message", message).encode();
    }
}
