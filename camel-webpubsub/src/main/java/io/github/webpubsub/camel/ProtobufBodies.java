package io.github.webpubsub.camel;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

import io.github.webpubsub.client.MessageData;

/**
 * Protobuf bodies: the one class of the component that touches protobuf-java, which is optional. Callers check
 * {@link MessageBodies#PROTOBUF_PRESENT} first: on a class path without protobuf-java this class is never loaded
 * (loading it would fail, as its verification needs protobuf's exception types).
 */
final class ProtobufBodies {

    private ProtobufBodies() {
    }

    /** Whether a body is a protobuf message. */
    static boolean isMessage(Object body) {
        return body instanceof Message;
    }

    /** A protobuf message as protobuf data: an {@code Any} is sent as it is, any other message packed in one. */
    static MessageData toData(Object body) {
        Any any = body instanceof Any given ? given : Any.pack((Message) body);
        return MessageData.protobuf(any.toByteArray());
    }

    /**
     * Received protobuf data as the {@code Any} it is.
     *
     * @throws IllegalArgumentException when the bytes are not an {@code Any}
     */
    static Any toAny(byte[] bytes) {
        try {
            return Any.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("Protobuf data that is not a google.protobuf.Any", e);
        }
    }

    /** The type URL of an {@code Any} body. */
    static String typeUrl(Object body) {
        return body instanceof Any any ? any.getTypeUrl() : null;
    }
}
