package io.github.webpubsub.emulator.ws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.auth0.jwt.interfaces.DecodedJWT;

import io.github.webpubsub.emulator.auth.AccessTokens;
import io.github.webpubsub.emulator.auth.TokenClaims;
import io.github.webpubsub.emulator.auth.TokenRejectedException;
import io.github.webpubsub.emulator.fault.FaultPlan;
import io.github.webpubsub.emulator.hub.ClientConnection;
import io.github.webpubsub.emulator.hub.ConnectionLifecycle;
import io.github.webpubsub.emulator.hub.Hub;
import io.github.webpubsub.emulator.hub.HubRegistry;
import io.github.webpubsub.emulator.protocol.ClientRequestParser;
import io.github.webpubsub.emulator.protocol.ProtocolViolation;
import io.github.webpubsub.emulator.protocol.Subprotocol;
import io.github.webpubsub.emulator.trace.TraceEvent;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSink;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

/**
 * The client endpoint, {@code /client/hubs/{hub}} or {@code /client/?hub={hub}}: checks the handshake as the service
 * does (hub, subprotocol, access token) and hands the socket to a new or recovered connection. A refused handshake is
 * an HTTP error whose body says why; recoveries are accepted first and refused with close code 1008.
 */
public final class ClientEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEndpoint.class);
    private static final String HUB_PATH = "/client/hubs/";

    private final ConnectionLifecycle lifecycle;
    private final AccessTokens tokens;
    private final FaultPlan faults;
    private final RequestProcessor processor;
    private final String endpoint;
    private final TraceSink trace;

    /**
     * @param endpoint the emulator's own endpoint ({@code http://localhost:PORT}): token audiences may name it, or the
     *                 host the client connected to
     */
    public ClientEndpoint(ConnectionLifecycle lifecycle, AccessTokens tokens, FaultPlan faults, RequestProcessor processor,
            String endpoint, TraceSink trace) {
        this.trace = trace;
        this.lifecycle = lifecycle;
        this.tokens = tokens;
        this.faults = faults;
        this.processor = processor;
        this.endpoint = endpoint;
    }

    /** The paths this endpoint serves, as a regular expression: {@code /client} and everything under it. */
    public static final String PATHS = "^/client(/.*)?$";

    public void handle(HttpServerRequest request) {
        String hubName = hubName(request);
        if (hubName == null || hubName.isBlank()) {
            refuse(request, 400, "The hub is missing: connect to /client/hubs/{hub} or /client/?hub={hub}.");
            return;
        }
        int refusal = faults.nextUpgradeRefusal();
        if (refusal > 0) {
            if (trace.active()) {
                trace.publish(TraceEvent.of(TraceKind.FAULT).hub(HubRegistry.key(hubName)).with("action", "applied")
                        .with("fault", "refuseUpgrades").with("status", refusal));
            }
            refuse(request, refusal, "The upgrade was refused by an injected fault.");
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            refuse(request, 400, "Expected a WebSocket upgrade request.");
            return;
        }
        String offered = request.getHeader("Sec-WebSocket-Protocol");
        Optional<Subprotocol> protocol = Subprotocol.select(offered);
        if (protocol.isEmpty()) {
            refuse(request, 400, (offered == null ? "No subprotocol was offered" : "Unsupported subprotocol '" + offered + "'")
                    + ": offer one of " + String.join(", ", Subprotocol.ids()) + ".");
            return;
        }
        Hub hub = lifecycle.hubs().hub(hubName);
        String recoveringId = request.getParam("awps_connection_id");
        if (recoveringId != null) {
            // Recovery needs no access token (the one the client still has may have expired): the reconnection
            // token is the credential.
            String reconnectionToken = request.getParam("awps_reconnection_token");
            Subprotocol recoveringProtocol = protocol.get();
            request.toWebSocket().onSuccess(socket -> recover(hub, recoveringId, reconnectionToken, recoveringProtocol, socket))
                    .onFailure(e -> LOG.warn("Recovery upgrade of connection {} failed: {}", recoveringId, e.getMessage()));
            return;
        }
        TokenClaims claims;
        try {
            claims = authenticate(request, hubName);
        } catch (TokenRejectedException e) {
            refuse(request, 401, e.getMessage());
            return;
        }
        for (String group : claims.groups()) {
            try {
                ClientRequestParser.validateGroup(group);
            } catch (ProtocolViolation e) {
                refuse(request, 400, "The token contains an invalid group name.");
                return;
            }
        }
        request.toWebSocket().onSuccess(socket -> wire(lifecycle.open(hub, socket, protocol.get(), claims), socket))
                .onFailure(e -> LOG.warn("Upgrade in hub {} failed: {}", hubName, e.getMessage()));
    }

    private void recover(Hub hub, String connectionId, String reconnectionToken, Subprotocol protocol, ServerWebSocket socket) {
        ClientConnection connection;
        if (faults.nextRecoveryRefused()) {
            if (trace.active()) {
                trace.publish(TraceEvent.of(TraceKind.FAULT).connection(hub.name(), connectionId, null).with("action", "applied")
                        .with("fault", "refuseRecoveries"));
            }
            lifecycle.traceRefusedRecovery(hub, connectionId, "Refused by an injected fault.");
            connection = null;
        } else {
            connection = lifecycle.recover(hub, connectionId, reconnectionToken, protocol, socket);
        }
        if (connection == null) {
            LOG.info("Refusing the recovery of connection {} in hub {}", connectionId, hub.name());
            ConnectionLifecycle.refuseRecovery(socket, protocol);
            return;
        }
        wire(connection, socket);
    }

    private void wire(ClientConnection connection, ServerWebSocket socket) {
        socket.textMessageHandler(text -> processor.onText(connection, text));
        socket.binaryMessageHandler(data -> processor.onBinary(connection, data));
        socket.exceptionHandler(e -> LOG.debug("Socket error on connection {}: {}", connection.id(), e.toString()));
        socket.closeHandler(v -> lifecycle.socketClosed(connection, socket, socket.closeStatusCode()));
    }

    private TokenClaims authenticate(HttpServerRequest request, String hubName) throws TokenRejectedException {
        String token = request.getParam("access_token");
        if (token == null) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = authorization.substring(7).trim();
            }
        }
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(
                    "No access token: pass it as the access_token query parameter or an Authorization: Bearer header.");
        }
        String path = HUB_PATH + hubName;
        String host = request.getHeader(HttpHeaders.HOST);
        DecodedJWT jwt = tokens.verify(token, aud -> (host != null && AccessTokens.sameUrl(aud, "http://" + host + path, false))
                || AccessTokens.sameUrl(aud, endpoint + path, false));
        return AccessTokens.clientClaims(jwt);
    }

    private static String hubName(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith(HUB_PATH)) {
            String rest = path.substring(HUB_PATH.length());
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            return rest.contains("/") ? null : URLDecoder.decode(rest, StandardCharsets.UTF_8);
        }
        return request.getParam("hub");
    }

    /** The reason never holds the token: the token checks say what is wrong with it, not what it is. */
    private void refuse(HttpServerRequest request, int status, String reason) {
        LOG.info("Refused a client handshake on {} with {}: {}", request.path(), status, reason);
        if (trace.active()) {
            String hubName = hubName(request);
            trace.publish(TraceEvent.of(TraceKind.HANDSHAKE_REFUSED).hub(hubName == null ? null : HubRegistry.key(hubName))
                    .with("path", request.path()).with("status", status).with("reason", reason));
        }
        request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(reason);
    }
}
