package io.github.webpubsub.camel;

import org.apache.camel.spi.Metadata;

/** The headers the {@code webpubsub} component reads and writes. */
public final class WebPubSubConstants {

    /** Every header of this component starts with this prefix. */
    public static final String HEADER_PREFIX = "CamelWebPubSub";

    @Metadata(label = "consumer", description = "What the exchange carries, by its name in the events option:"
            + " group-message, server-message, connected, disconnected, stopped, rejoin-group-failed, recovering or"
            + " recovered.", javaType = "String")
    public static final String EVENT_TYPE = HEADER_PREFIX + "EventType";

    @Metadata(description = "Consumer: the group a group message was published to, or the group a rejoin failed for."
            + " Producer: the group to send to, join or leave, instead of the endpoint's path. On an exchange consumed"
            + " from Web PubSub, a producer with a group in its path keeps its own group, so bridge routes do not loop.",
            javaType = "String")
    public static final String GROUP = HEADER_PREFIX + "Group";

    @Metadata(label = "consumer", description = "Where a message came from: group or server.", javaType = "String")
    public static final String FROM = HEADER_PREFIX + "From";

    @Metadata(label = "consumer", description = "The user id of the connection that published a group message, if it"
            + " had one.", javaType = "String")
    public static final String FROM_USER_ID = HEADER_PREFIX + "FromUserId";

    @Metadata(description = "Consumer: the data type of the message (text, json, binary, or protobuf on the protobuf"
            + " protocols). Producer: the data type to"
            + " send, instead of the dataType option; after invokeEvent, the data type of the answer in the out body"
            + " (absent when the handler answered without data).", javaType = "String")
    public static final String DATA_TYPE = HEADER_PREFIX + "DataType";

    @Metadata(label = "consumer", description = "For protobuf data (the protobuf protocols): the type URL of the"
            + " com.google.protobuf.Any in the body, such as type.googleapis.com/my.package.Price.", javaType = "String")
    public static final String PROTOBUF_TYPE_URL = HEADER_PREFIX + "ProtobufTypeUrl";

    @Metadata(label = "consumer", description = "The service's sequence id of the message (reliable protocol only).",
            javaType = "Long")
    public static final String SEQUENCE_ID = HEADER_PREFIX + "SequenceId";

    @Metadata(label = "consumer", description = "The id of the connection the event is about: the one that received"
            + " the message, or whose lifecycle changed. On a stopped event, the connection that was open when it"
            + " stopped; null when there was none (a rejected credential, or a connection that had ended already).",
            javaType = "String")
    public static final String CONNECTION_ID = HEADER_PREFIX + "ConnectionId";

    @Metadata(label = "consumer", description = "The user id of that connection, if it has one.", javaType = "String")
    public static final String USER_ID = HEADER_PREFIX + "UserId";

    @Metadata(label = "consumer", description = "For disconnected and recovering events: the WebSocket close code, null"
            + " when the socket was lost without a close frame.", javaType = "Integer")
    public static final String CLOSE_CODE = HEADER_PREFIX + "CloseCode";

    @Metadata(label = "consumer", description = "For disconnected, recovering and stopped events: why (the service's"
            + " message, the close reason, or the connection's own finding); for rejoin-group-failed: why the group"
            + " could not be joined. The body carries the same text. Never a secret.", javaType = "String")
    public static final String REASON = HEADER_PREFIX + "Reason";

    @Metadata(label = "producer", description = "The operation to perform, instead of the operation option:"
            + " sendToGroup, sendEvent, joinGroup, leaveGroup or invokeEvent.", javaType = "String")
    public static final String OPERATION = HEADER_PREFIX + "Operation";

    @Metadata(label = "producer", description = "The event name for sendEvent and invokeEvent, instead of the event"
            + " option.",
            javaType = "String")
    public static final String EVENT = HEADER_PREFIX + "Event";

    @Metadata(label = "producer", description = "Whether the sending connection is left out of a sendToGroup, instead of"
            + " the noEcho option.", javaType = "Boolean")
    public static final String NO_ECHO = HEADER_PREFIX + "NoEcho";

    @Metadata(label = "producer", description = "In: the ackId to send with, to retry an earlier failed send without"
            + " publishing twice (a Camel redelivery of a failed exchange does this by itself). Out: the ackId that was"
            + " used.",
            javaType = "Long")
    public static final String ACK_ID = HEADER_PREFIX + "AckId";

    @Metadata(label = "producer", description = "True when the service had already processed this ackId, so it did"
            + " not act on the request again.", javaType = "Boolean")
    public static final String DUPLICATE = HEADER_PREFIX + "Duplicate";

    @Metadata(label = "producer", description = "After invokeEvent: the id the client gave the invocation.",
            javaType = "String")
    public static final String INVOCATION_ID = HEADER_PREFIX + "InvocationId";

    private WebPubSubConstants() {
    }
}
