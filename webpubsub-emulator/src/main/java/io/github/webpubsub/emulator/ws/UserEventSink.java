package io.github.webpubsub.emulator.ws;

import io.github.webpubsub.emulator.hub.ClientConnection;
import io.github.webpubsub.emulator.protocol.Payload;
import io.github.webpubsub.emulator.upstream.HandlerReply;
import io.vertx.core.Future;

/** Where a client's {@code event} request goes: the Java listeners and, when configured, the upstream. */
public interface UserEventSink {

    /**
     * Delivers one user event.
     *
     * @return a future of the upstream's reply to send back to the client ({@code null} for none); failed when the
     *         upstream could not handle the event
     */
    Future<Payload> dispatch(ClientConnection connection, String event, Payload payload);

    /**
     * Delivers one invocation, as the user event it is to the listeners and the upstream.
     *
     * @param payload the data, or {@code null} when the client sent none
     * @return a future of the handler's answer, {@code null} when no event handler is configured; failed when the
     *         handler could not be reached or did not answer in time
     */
    Future<HandlerReply> invoke(ClientConnection connection, String event, Payload payload);
}
