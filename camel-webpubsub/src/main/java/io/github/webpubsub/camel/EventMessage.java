package io.github.webpubsub.camel;

import java.util.function.Consumer;

import org.apache.camel.Message;

import io.github.webpubsub.client.MessageData;
import io.github.webpubsub.client.WebPubSubEvent;

/**
 * What a client event becomes in a route: its event type, and the body and headers of its exchange. {@link #of} is the
 * one mapping from the client's events to exchanges; adding an event to the component is a case there and its name
 * in {@link WebPubSubEventType}, for the events option.
 *
 * @param type  the event type, which selects the consumers that asked for it
 * @param group for a group message, the group it was published to: only that group's consumers take it; else null
 * @param fill  writes the body and headers into the message of a new exchange
 */
record EventMessage(WebPubSubEventType type, String group, Consumer<Message> fill) {

    /**
     * The exchange an event becomes, or null for an event that is none: a malformed frame goes to the consumers'
     * exception handler instead, as a message may be missing.
     */
    static EventMessage of(WebPubSubEvent event) {
        // Java 17 has no pattern matching for switch: the sealed set is told apart with instanceof, here only.
        if (event instanceof WebPubSubEvent.GroupMessage e) {
            return new EventMessage(WebPubSubEventType.GROUP_MESSAGE, e.group(), message -> {
                ids(message, WebPubSubEventType.GROUP_MESSAGE, e.connectionId(), e.userId());
                data(message, e.data(), e.sequenceId());
                message.setHeader(WebPubSubConstants.FROM, "group");
                message.setHeader(WebPubSubConstants.GROUP, e.group());
                message.setHeader(WebPubSubConstants.FROM_USER_ID, e.fromUserId());
            });
        }
        if (event instanceof WebPubSubEvent.ServerMessage e) {
            return byType(WebPubSubEventType.SERVER_MESSAGE, message -> {
                ids(message, WebPubSubEventType.SERVER_MESSAGE, e.connectionId(), e.userId());
                data(message, e.data(), e.sequenceId());
                message.setHeader(WebPubSubConstants.FROM, "server");
            });
        }
        if (event instanceof WebPubSubEvent.Connected e) {
            return byType(WebPubSubEventType.CONNECTED,
                    message -> ids(message, WebPubSubEventType.CONNECTED, e.connectionId(), e.userId()));
        }
        if (event instanceof WebPubSubEvent.Disconnected e) {
            return byType(WebPubSubEventType.DISCONNECTED, message -> {
                ids(message, WebPubSubEventType.DISCONNECTED, e.connectionId(), e.userId());
                message.setHeader(WebPubSubConstants.CLOSE_CODE, e.closeCode());
                reason(message, e.reason());
            });
        }
        if (event instanceof WebPubSubEvent.Recovering e) {
            return byType(WebPubSubEventType.RECOVERING, message -> {
                ids(message, WebPubSubEventType.RECOVERING, e.connectionId(), e.userId());
                message.setHeader(WebPubSubConstants.CLOSE_CODE, e.closeCode());
                reason(message, e.reason());
            });
        }
        if (event instanceof WebPubSubEvent.Recovered e) {
            return byType(WebPubSubEventType.RECOVERED,
                    message -> ids(message, WebPubSubEventType.RECOVERED, e.connectionId(), e.userId()));
        }
        if (event instanceof WebPubSubEvent.Stopped e) {
            return byType(WebPubSubEventType.STOPPED, message -> {
                ids(message, WebPubSubEventType.STOPPED, e.connectionId(), e.userId());
                reason(message, e.reason());
            });
        }
        if (event instanceof WebPubSubEvent.RejoinGroupFailed e) {
            return byType(WebPubSubEventType.REJOIN_GROUP_FAILED, message -> {
                ids(message, WebPubSubEventType.REJOIN_GROUP_FAILED, e.connectionId(), e.userId());
                message.setHeader(WebPubSubConstants.GROUP, e.group());
                reason(message, e.cause().getMessage());
            });
        }
        return null;
    }

    /** An event every consumer that asked for its type takes, whatever its group. */
    private static EventMessage byType(WebPubSubEventType type, Consumer<Message> fill) {
        return new EventMessage(type, null, fill);
    }

    private static void ids(Message message, WebPubSubEventType type, String connectionId, String userId) {
        message.setHeader(WebPubSubConstants.EVENT_TYPE, type.eventName());
        message.setHeader(WebPubSubConstants.CONNECTION_ID, connectionId);
        message.setHeader(WebPubSubConstants.USER_ID, userId);
    }

    private static void data(Message message, MessageData data, Long sequenceId) {
        message.setBody(MessageBodies.toBody(data));
        message.setHeader(WebPubSubConstants.PROTOBUF_TYPE_URL, MessageBodies.protobufTypeUrl(message.getBody()));
        message.setHeader(WebPubSubConstants.DATA_TYPE, data.type().wireName());
        message.setHeader(WebPubSubConstants.SEQUENCE_ID, sequenceId);
    }

    /** The reason in its header, and as the body, where routes written before the header read it. */
    private static void reason(Message message, String reason) {
        message.setHeader(WebPubSubConstants.REASON, reason);
        message.setBody(reason);
    }
}
