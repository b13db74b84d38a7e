package io.github.webpubsub.emulator.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Decodes client frames of the JSON subprotocols and rejects malformed ones with the reason the client is told.
 */
public final class ClientRequestParser {

    /** The longest group name the service accepts. */
    public static final int MAX_GROUP_LENGTH = 1024;

    private ClientRequestParser() {
    }

    public static ClientRequest parse(String text, boolean reliable) throws ProtocolViolation {
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new ProtocolViolation("The client message is not a valid JSON protocol message: it is not a JSON object.");
        }
        Object type = json.getValue("type");
        if (!(type instanceof String typeName)) {
            throw new ProtocolViolation("Missing required property 'type'.");
        }
        return switch (typeName) {
            case "joinGroup" -> new ClientRequest.JoinGroup(group(json), ackId(json));
            case "leaveGroup" -> new ClientRequest.LeaveGroup(group(json), ackId(json));
            case "sendToGroup" -> new ClientRequest.SendToGroup(group(json), ackId(json), noEcho(json), payload(json));
            case "event" -> new ClientRequest.Event(event(json), ackId(json), payload(json));
            case "sequenceAck" -> {
                if (!reliable) {
                    throw new ProtocolViolation("'sequenceAck' is only valid on the reliable subprotocol.");
                }
                yield new ClientRequest.SequenceAck(sequenceId(json));
            }
            case "ping" -> new ClientRequest.Ping();
            case "invoke" -> new ClientRequest.Invoke(invocationId(json), target(json), event(json),
                    json.getValue("data") == null ? null : payload(json));
            case "cancelInvocation" -> new ClientRequest.CancelInvocation(invocationId(json));
            default -> throw new ProtocolViolation("Unknown 'type': " + abbreviate(typeName) + ".");
        };
    }

    /** Validates a group name as the service does: 1 to 1024 characters, not only whitespace. */
    public static String validateGroup(String group) throws ProtocolViolation {
        if (group == null || group.isBlank() || group.length() > MAX_GROUP_LENGTH) {
            throw new ProtocolViolation("The group name is invalid: it must have 1 to " + MAX_GROUP_LENGTH
                    + " characters and not be only whitespace.");
        }
        return group;
    }

    private static String group(JsonObject json) throws ProtocolViolation {
        Object group = json.getValue("group");
        if (group == null) {
            throw new ProtocolViolation("Missing required property 'group'.");
        }
        if (!(group instanceof String name)) {
            throw new ProtocolViolation("Property 'group' must be a string.");
        }
        return validateGroup(name);
    }

    private static String event(JsonObject json) throws ProtocolViolation {
        Object event = json.getValue("event");
        if (!(event instanceof String name) || name.isBlank()) {
            throw new ProtocolViolation("Missing required property 'event'.");
        }
        return name;
    }

    /** The longest invocationId the emulator accepts: the JS client's are short counters or UUIDs. */
    public static final int MAX_INVOCATION_ID_LENGTH = 128;

    private static String invocationId(JsonObject json) throws ProtocolViolation {
        Object id = json.getValue("invocationId");
        if (!(id instanceof String value) || value.isEmpty() || value.length() > MAX_INVOCATION_ID_LENGTH) {
            throw new ProtocolViolation("Property 'invocationId' must be a string of 1 to " + MAX_INVOCATION_ID_LENGTH
                    + " characters.");
        }
        return value;
    }

    /** The JS client always sends {@code target:"event"}; a missing target is read as that. */
    private static String target(JsonObject json) throws ProtocolViolation {
        Object target = json.getValue("target");
        if (target == null) {
            return "event";
        }
        if (!(target instanceof String name)) {
            throw new ProtocolViolation("Property 'target' must be a string.");
        }
        return name;
    }

    private static boolean noEcho(JsonObject json) throws ProtocolViolation {
        Object noEcho = json.getValue("noEcho");
        if (noEcho == null) {
            return false;
        }
        if (!(noEcho instanceof Boolean flag)) {
            throw new ProtocolViolation("Property 'noEcho' must be a boolean.");
        }
        return flag;
    }

    /** A missing or null ackId means fire-and-forget (the Java SDK writes {@code "ackId":null}). */
    private static Long ackId(JsonObject json) throws ProtocolViolation {
        Object value = json.getValue("ackId");
        if (value == null) {
            return null;
        }
        return unsignedLong(value, "ackId");
    }

    private static long sequenceId(JsonObject json) throws ProtocolViolation {
        Object value = json.getValue("sequenceId");
        if (value == null) {
            throw new ProtocolViolation("Missing required property 'sequenceId'.");
        }
        if (value instanceof String s) {
            // The reliable-protocol doc shows the id as a quoted placeholder: tolerate numeric strings.
            try {
                return unsignedLong(new BigDecimal(s), "sequenceId");
            } catch (NumberFormatException e) {
                throw new ProtocolViolation("Property 'sequenceId' must be a number.");
            }
        }
        return unsignedLong(value, "sequenceId");
    }

    private static long unsignedLong(Object value, String name) throws ProtocolViolation {
        if (!(value instanceof Number number)) {
            throw new ProtocolViolation("Property '" + name + "' must be a non-negative integer.");
        }
        BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
        BigInteger integer;
        try {
            integer = decimal.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ProtocolViolation("Property '" + name + "' must be a non-negative integer.");
        }
        if (integer.signum() < 0 || integer.bitLength() > 63) {
            throw new ProtocolViolation("Property '" + name + "' must be a non-negative integer below 2^63.");
        }
        return integer.longValue();
    }

    private static Payload payload(JsonObject json) throws ProtocolViolation {
        Object typeName = json.getValue("dataType");
        DataType dataType = typeName == null ? DataType.JSON : typeName instanceof String s ? DataType.fromWire(s) : null;
        if (dataType == null) {
            throw new ProtocolViolation("Property 'dataType' must be one of json, text, binary, protobuf.");
        }
        if (!json.containsKey("data") || json.getValue("data") == null) {
            throw new ProtocolViolation("Missing required property 'data'.");
        }
        Object data = json.getValue("data");
        switch (dataType) {
            case TEXT -> {
                if (!(data instanceof String)) {
                    throw new ProtocolViolation("Property 'data' must be a string for dataType text.");
                }
            }
            case BINARY, PROTOBUF -> {
                if (!(data instanceof String base64) || !isBase64(base64)) {
                    throw new ProtocolViolation("Property 'data' must be a base64 string for dataType " + dataType.wireName() + ".");
                }
            }
            case JSON -> {
                // Any JSON value; a JSON string is kept as one (some SDKs send json data that way).
            }
        }
        return new Payload(dataType, data);
    }

    private static boolean isBase64(String s) {
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }
}
