package io.github.webpubsub.emulator;

import java.util.List;

import io.github.webpubsub.emulator.hub.ClientConnection;

/**
 * A snapshot of one client connection, as {@link WebPubSubEmulator#connections(String)} and
 * {@code GET /emulator/hubs/{hub}/connections} report it.
 *
 * @param hub          the hub, lower case
 * @param connectionId the connection id
 * @param userId       the user id from the token's {@code sub}, or {@code null}
 * @param groups       the groups it is in
 * @param subprotocol  the WebSocket subprotocol it speaks
 * @param state        {@code CONNECTED}, or {@code DETACHED} while a dropped reliable connection awaits recovery
 * @param unacked      messages sent to it that it has not acked yet (reliable protocol)
 */
public record ConnectionInfo(String hub, String connectionId, String userId, List<String> groups, String subprotocol,
        String state, int unacked) {

    /** A snapshot of a connection; on the emulator's event loop only. */
    static ConnectionInfo of(ClientConnection c) {
        return new ConnectionInfo(c.hub().name(), c.id(), c.userId(), c.groups(), c.protocol().id(), c.state().name(),
                c.unackedCount());
    }
}
