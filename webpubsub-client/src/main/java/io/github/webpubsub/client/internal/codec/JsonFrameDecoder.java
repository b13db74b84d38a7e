package io.github.webpubsub.client.internal.codec;

import java.io.IOException;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.github.webpubsub.client.DataType;
import io.github.webpubsub.client.MessageData;

/**
 * Decodes the service's JSON frames with one streaming pass: no tree, and JSON data is cut out of the frame's text
 * by offset instead of being parsed and written again. Every field is checked as strictly as the frame's meaning
 * needs; anything else is a {@link MalformedFrameException} whose message never quotes the frame.
 */
final class JsonFrameDecoder {

    /** The largest integer a JavaScript number holds exactly: the service's SDKs cannot count past it. */
    static final long MAX_SEQUENCE_ID = (1L << 53) - 1;

    private final JsonFactory factory;
    private final boolean reliable;

    JsonFrameDecoder(JsonFactory factory, boolean reliable) {
        this.factory = factory;
        this.reliable = reliable;
    }

    /** The fields of one frame, as far as any frame type uses them. */
    private static final class Fields {
        String type;
        // ack
        boolean hasAckId;
        boolean ackIdInteger;
        long ackId;
        Boolean success;
        String errorName;
        String errorMessage;
        // message
        String from;
        String group;
        String fromUserId;
        String dataType;
        boolean hasData;
        JsonToken dataToken;
        String dataString;
        String dataJson;
        boolean hasSequenceId;
        String sequenceIdProblem;
        long sequenceId;
        // system
        String event;
        String connectionId;
        String userId;
        String reconnectionToken;
        String message;
        // invokeResponse
        String invocationId;
    }

    ServerFrame decode(String text) {
        Fields fields;
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedFrameException("not a JSON object");
            }
            fields = readFields(parser, text);
        } catch (IOException e) {
            throw new MalformedFrameException("not JSON");
        }
        if (fields.type == null) {
            throw new MalformedFrameException("no type");
        }
        return switch (fields.type) {
            case "message" -> message(fields);
            case "ack" -> ack(fields);
            case "system" -> system(fields);
            case "invokeResponse" -> invokeResponse(fields);
            default -> new ServerFrame.Ignored(fields.type);
        };
    }

    private static Fields readFields(JsonParser parser, String text) throws IOException {
        Fields fields = new Fields();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> fields.type = scalar(parser, value);
                case "ackId" -> {
                    fields.hasAckId = value != JsonToken.VALUE_NULL;
                    fields.ackIdInteger = isLong(parser, value);
                    if (fields.ackIdInteger) {
                        fields.ackId = parser.getLongValue();
                    }
                    parser.skipChildren();
                }
                case "success" -> {
                    fields.success = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
                            : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                    parser.skipChildren();
                }
                case "error" -> readError(parser, value, fields);
                case "from" -> fields.from = scalar(parser, value);
                case "group" -> fields.group = scalar(parser, value);
                case "fromUserId" -> fields.fromUserId = scalar(parser, value);
                case "dataType" -> fields.dataType = scalar(parser, value);
                case "data" -> readData(parser, value, text, fields);
                case "sequenceId" -> readSequenceId(parser, value, fields);
                case "event" -> fields.event = scalar(parser, value);
                case "connectionId" -> fields.connectionId = scalar(parser, value);
                case "userId" -> fields.userId = scalar(parser, value);
                case "reconnectionToken" -> fields.reconnectionToken = scalar(parser, value);
                case "message" -> fields.message = scalar(parser, value);
                case "invocationId" -> fields.invocationId = scalar(parser, value);
                default -> parser.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new MalformedFrameException("not JSON");
        }
        return fields;
    }

    /** A scalar as text, like Jackson's {@code asText}; {@code null} for null; objects and arrays are skipped. */
    private static String scalar(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return "";
        }
        return parser.getText();
    }

    private static boolean isLong(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    }

    private static void readError(JsonParser parser, JsonToken value, Fields fields) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken field = parser.nextToken();
            if ("name".equals(name)) {
                fields.errorName = scalar(parser, field);
            } else if ("message".equals(name)) {
                fields.errorMessage = scalar(parser, field);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Keeps the value's text as it stands in the frame, for JSON data, and its string value, for text and binary. */
    private static void readData(JsonParser parser, JsonToken value, String text, Fields fields) throws IOException {
        fields.hasData = true;
        fields.dataToken = value;
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (value == JsonToken.VALUE_STRING) {
            fields.dataString = parser.getText();
        }
        parser.skipChildren();
        int end = (int) parser.currentLocation().getCharOffset();
        fields.dataJson = text.substring(start, end);
    }

    private static void readSequenceId(JsonParser parser, JsonToken value, Fields fields) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        fields.hasSequenceId = true;
        if (!isLong(parser, value)) {
            fields.sequenceIdProblem = "message whose sequenceId is not an integer";
            parser.skipChildren();
            return;
        }
        long sequenceId = parser.getLongValue();
        if (sequenceId < 1 || sequenceId > MAX_SEQUENCE_ID) {
            fields.sequenceIdProblem = "message whose sequenceId " + sequenceId + " is outside 1 to 2^53 - 1";
        }
        fields.sequenceId = sequenceId;
    }

    private static ServerFrame ack(Fields fields) {
        if (!fields.hasAckId || !fields.ackIdInteger) {
            throw new MalformedFrameException("ack without an integer ackId");
        }
        if (fields.success == null) {
            throw new MalformedFrameException("ack " + fields.ackId + " without a boolean 'success'");
        }
        if (fields.success) {
            return new ServerFrame.Ack(fields.ackId, true, null, null);
        }
        if (fields.errorName == null || fields.errorName.isBlank()) {
            return new ServerFrame.Ack(fields.ackId, false, ServerFrame.Ack.UNNAMED_ERROR,
                    fields.errorMessage != null ? fields.errorMessage : "The service's ack named no error");
        }
        return new ServerFrame.Ack(fields.ackId, false, fields.errorName, fields.errorMessage);
    }

    /** Checked like an ack; data is optional (a handler may answer with none) and typed as in messages. */
    private static ServerFrame invokeResponse(Fields fields) {
        if (fields.invocationId == null || fields.invocationId.isEmpty()) {
            throw new MalformedFrameException("invokeResponse without an invocationId");
        }
        if (fields.success == null) {
            // Answered, but unreadably: the invocation fails with that, rather than waiting for its timeout.
            return new ServerFrame.InvokeResponse(fields.invocationId, false, null,
                    ServerFrame.InvokeResponse.INVALID_RESPONSE, "The service's invokeResponse had no boolean 'success'");
        }
        if (!fields.success) {
            boolean unnamed = fields.errorName == null || fields.errorName.isBlank();
            return new ServerFrame.InvokeResponse(fields.invocationId, false, null,
                    unnamed ? ServerFrame.Ack.UNNAMED_ERROR : fields.errorName,
                    fields.errorMessage != null ? fields.errorMessage : unnamed ? "The service named no error" : null);
        }
        MessageData data = fields.hasData && fields.dataToken != JsonToken.VALUE_NULL ? data(fields) : null;
        return new ServerFrame.InvokeResponse(fields.invocationId, true, data, null, null);
    }

    private ServerFrame message(Fields fields) {
        Long sequenceId = null;
        if (reliable && fields.hasSequenceId) {
            if (fields.sequenceIdProblem != null) {
                throw new MalformedFrameException(fields.sequenceIdProblem);
            }
            sequenceId = fields.sequenceId;
        }
        MessageData data;
        try {
            data = data(fields);
        } catch (MalformedFrameException e) {
            throw sequenceId == null ? e : new MalformedFrameException(e.getMessage(), sequenceId);
        }
        if ("group".equals(fields.from)) {
            if (fields.group == null) {
                throw new MalformedFrameException("group message without a group", sequenceId);
            }
            return new ServerFrame.GroupMessage(fields.group, fields.fromUserId, data, sequenceId);
        }
        if ("server".equals(fields.from)) {
            return new ServerFrame.ServerMessage(data, sequenceId);
        }
        throw new MalformedFrameException(fields.from == null ? "message without 'from'"
                : "message from '" + fields.from + "'", sequenceId);
    }

    private static MessageData data(Fields fields) {
        if (!fields.hasData) {
            throw new MalformedFrameException("message without data");
        }
        DataType type;
        try {
            type = DataType.fromWireName(fields.dataType == null ? "json" : fields.dataType);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("message with " + e.getMessage().toLowerCase(java.util.Locale.ROOT));
        }
        return switch (type) {
            case JSON -> MessageData.json(fields.dataJson);
            case TEXT -> {
                if (fields.dataToken != JsonToken.VALUE_STRING) {
                    throw new MalformedFrameException("text data that is not a string");
                }
                yield MessageData.text(fields.dataString);
            }
            case BINARY, PROTOBUF -> {
                if (fields.dataToken != JsonToken.VALUE_STRING) {
                    throw new MalformedFrameException("binary data that is not a base64 string");
                }
                try {
                    yield MessageData.binary(Base64.getDecoder().decode(fields.dataString));
                } catch (IllegalArgumentException e) {
                    throw new MalformedFrameException("binary data that is not valid base64");
                }
            }
        };
    }

    private static ServerFrame system(Fields fields) {
        if ("connected".equals(fields.event)) {
            if (fields.connectionId == null || fields.connectionId.isEmpty()) {
                throw new MalformedFrameException("connected without a connectionId");
            }
            return new ServerFrame.Connected(fields.connectionId, fields.userId, fields.reconnectionToken);
        }
        if ("disconnected".equals(fields.event)) {
            return new ServerFrame.Disconnected(fields.message);
        }
        return new ServerFrame.Ignored("system/" + fields.event);
    }
}
