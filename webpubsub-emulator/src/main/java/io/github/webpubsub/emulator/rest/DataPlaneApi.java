package io.github.webpubsub.emulator.rest;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.github.webpubsub.emulator.auth.AccessTokens;
import io.github.webpubsub.emulator.auth.Permission;
import io.github.webpubsub.emulator.hub.ClientConnection;
import io.github.webpubsub.emulator.hub.ConnectionLifecycle;
import io.github.webpubsub.emulator.hub.Hub;
import io.github.webpubsub.emulator.protocol.ClientRequestParser;
import io.github.webpubsub.emulator.protocol.DataType;
import io.github.webpubsub.emulator.protocol.OutboundMessage;
import io.github.webpubsub.emulator.protocol.Payload;
import io.github.webpubsub.emulator.protocol.ProtocolViolation;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The data-plane REST API of the service, as the official service SDKs call it (api-version 2024-01-01 and
 * 2024-12-01), with the status codes they insist on.
 */
public final class DataPlaneApi {

    private static final String HUB = "/api/hubs/{hub}";
    private static final int CLOSE_NORMAL = 1000;

    private final ConnectionLifecycle lifecycle;
    private final AccessTokens tokens;
    private final String endpoint;

    public DataPlaneApi(ConnectionLifecycle lifecycle, AccessTokens tokens, String endpoint) {
        this.lifecycle = lifecycle;
        this.tokens = tokens;
        this.endpoint = endpoint;
    }

    public void register(RestRoutes router) {
        router.anonymous(HttpMethod.HEAD, "/api/health", ex -> ex.status(200))
                .anonymous(HttpMethod.GET, "/api/health", ex -> ex.status(200))
                .route(HttpMethod.POST, HUB + "/:send", ex -> send(ex, hub(ex).connections(), excludedOrFiltered(ex)))
                .route(HttpMethod.POST, HUB + "/groups/{group}/:send", this::sendToGroup)
                .route(HttpMethod.POST, HUB + "/users/{user}/:send",
                        ex -> send(ex, hub(ex).connectionsOfUser(ex.path("user")), filtered(ex)))
                .route(HttpMethod.POST, HUB + "/connections/{connectionId}/:send", ex -> send(ex, connectionOrEmpty(ex), c -> true))
                .route(HttpMethod.HEAD, HUB + "/connections/{connectionId}",
                        ex -> ex.status(hub(ex).connection(ex.path("connectionId")) != null ? 200 : 404))
                .route(HttpMethod.DELETE, HUB + "/connections/{connectionId}", ex -> close(ex, connectionOrEmpty(ex)))
                .route(HttpMethod.POST, HUB + "/:closeConnections", ex -> close(ex, hub(ex).connections()))
                .route(HttpMethod.POST, HUB + "/groups/{group}/:closeConnections", ex -> close(ex, hub(ex).membersOf(group(ex))))
                .route(HttpMethod.POST, HUB + "/users/{user}/:closeConnections",
                        ex -> close(ex, hub(ex).connectionsOfUser(ex.path("user"))))
                .route(HttpMethod.HEAD, HUB + "/groups/{group}", ex -> ex.status(hub(ex).groupExists(group(ex)) ? 200 : 404))
                .route(HttpMethod.HEAD, HUB + "/users/{user}", ex -> ex.status(hub(ex).userExists(ex.path("user")) ? 200 : 404))
                .route(HttpMethod.PUT, HUB + "/groups/{group}/connections/{connectionId}", ex -> {
                    hub(ex).join(existingConnection(ex), group(ex));
                    ex.status(200);
                })
                .route(HttpMethod.DELETE, HUB + "/groups/{group}/connections/{connectionId}", ex -> {
                    String group = group(ex);
                    connectionOrEmpty(ex).forEach(c -> c.hub().leave(c, group));
                    ex.status(204);
                })
                .route(HttpMethod.DELETE, HUB + "/connections/{connectionId}/groups", ex -> {
                    connectionOrEmpty(ex).forEach(c -> c.groups().forEach(g -> c.hub().leave(c, g)));
                    ex.status(204);
                })
                .route(HttpMethod.PUT, HUB + "/users/{user}/groups/{group}", ex -> {
                    hub(ex).addUserToGroup(ex.path("user"), group(ex));
                    ex.status(200);
                })
                .route(HttpMethod.DELETE, HUB + "/users/{user}/groups/{group}", ex -> {
                    hub(ex).removeUserFromGroup(ex.path("user"), group(ex));
                    ex.status(204);
                })
                .route(HttpMethod.DELETE, HUB + "/users/{user}/groups", ex -> {
                    hub(ex).removeUserFromAllGroups(ex.path("user"));
                    ex.status(204);
                })
                .route(HttpMethod.POST, HUB + "/:addToGroups", ex -> filteredGroups(ex, true))
                .route(HttpMethod.POST, HUB + "/:removeFromGroups", ex -> filteredGroups(ex, false))
                .route(HttpMethod.GET, HUB + "/groups/{group}/connections", this::listGroupConnections)
                .route(HttpMethod.PUT, HUB + "/permissions/{permission}/connections/{connectionId}", ex -> {
                    existingConnection(ex).permissions().grant(permission(ex), ex.query("targetName"));
                    ex.status(200);
                })
                .route(HttpMethod.DELETE, HUB + "/permissions/{permission}/connections/{connectionId}", ex -> {
                    Permission permission = permission(ex);
                    connectionOrEmpty(ex).forEach(c -> c.permissions().revoke(permission, ex.query("targetName")));
                    ex.status(204);
                })
                .route(HttpMethod.HEAD, HUB + "/permissions/{permission}/connections/{connectionId}", ex -> {
                    Permission permission = permission(ex);
                    ClientConnection c = hub(ex).connection(ex.path("connectionId"));
                    ex.status(c != null && c.permissions().has(permission, ex.query("targetName")) ? 200 : 404);
                })
                .route(HttpMethod.POST, HUB + "/:generateToken", this::generateToken);
    }

    private Hub hub(RestExchange ex) {
        if (ex.query("api-version") == null) {
            throw RestException.badRequest("The api-version query parameter is required, for example api-version=2024-01-01.");
        }
        return lifecycle.hubs().hub(ex.path("hub"));
    }

    private static String group(RestExchange ex) {
        String group = ex.path("group");
        try {
            return ClientRequestParser.validateGroup(group);
        } catch (ProtocolViolation e) {
            throw RestException.badRequest(e.getMessage());
        }
    }

    private List<ClientConnection> connectionOrEmpty(RestExchange ex) {
        ClientConnection c = hub(ex).connection(ex.path("connectionId"));
        return c == null ? List.of() : List.of(c);
    }

    private ClientConnection existingConnection(RestExchange ex) {
        ClientConnection c = hub(ex).connection(ex.path("connectionId"));
        if (c == null) {
            throw RestException.notFound("Connection '" + ex.path("connectionId") + "' does not exist in hub '" + ex.path("hub") + "'.");
        }
        return c;
    }

    private static Permission permission(RestExchange ex) {
        try {
            return Permission.fromRestName(ex.path("permission"));
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage());
        }
    }

    private static Payload payload(RestExchange ex) {
        DataType dataType = DataType.fromContentType(ex.contentType());
        if (dataType == null) {
            throw new RestException(415, "UnsupportedMediaType",
                    "Content-Type must be text/plain, application/json or application/octet-stream.");
        }
        try {
            Payload payload = Payload.fromHttpBody(dataType, ex.body());
            if (payload.value() == null) {
                throw RestException.badRequest("A JSON body must not be null.");
            }
            return payload;
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest(e.getMessage());
        }
    }

    private static Predicate<ClientConnection> filtered(RestExchange ex) {
        String filter = ex.query("filter");
        if (filter == null || filter.isBlank()) {
            return c -> true;
        }
        try {
            return ODataFilter.parse(filter);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw RestException.badRequest("Invalid filter: " + e.getMessage());
        }
    }

    private static Predicate<ClientConnection> excludedOrFiltered(RestExchange ex) {
        Set<String> excluded = new HashSet<>(ex.queryAll("excluded"));
        return filtered(ex).and(c -> !excluded.contains(c.id()));
    }

    private void send(RestExchange ex, Collection<ClientConnection> targets, Predicate<ClientConnection> filter) {
        Payload payload = payload(ex);
        hub(ex).deliver(targets, OutboundMessage.fromServer(payload), filter);
        ex.status(202);
    }

    private void sendToGroup(RestExchange ex) {
        String group = group(ex);
        Payload payload = payload(ex);
        hub(ex).sendToGroup(group, OutboundMessage.fromGroup(group, null, payload), excludedOrFiltered(ex));
        ex.status(202);
    }

    private void close(RestExchange ex, Collection<ClientConnection> targets) {
        Set<String> excluded = new HashSet<>(ex.queryAll("excluded"));
        String reason = ex.query("reason");
        String message = reason == null || reason.isBlank() ? "Closed by REST API." : reason;
        for (ClientConnection c : List.copyOf(targets)) {
            if (!excluded.contains(c.id())) {
                lifecycle.close(c, (short) CLOSE_NORMAL, message);
            }
        }
        ex.status(204);
    }

    private void filteredGroups(RestExchange ex, boolean add) {
        JsonObject body;
        try {
            body = ex.body().length() == 0 ? new JsonObject() : ex.body().toJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw RestException.badRequest("The body must be a JSON object {\"groups\": [...], \"filter\": \"...\"}.");
        }
        JsonArray groups = body.getJsonArray("groups", new JsonArray());
        String filterText = body.getString("filter");
        Predicate<ClientConnection> filter;
        try {
            filter = filterText == null || filterText.isBlank() ? c -> true : ODataFilter.parse(filterText);
        } catch (IllegalArgumentException e) {
            throw RestException.badRequest("Invalid filter: " + e.getMessage());
        }
        Hub hub = hub(ex);
        for (ClientConnection c : hub.connections()) {
            if (filter.test(c)) {
                for (Object g : groups) {
                    if (add) {
                        hub.join(c, String.valueOf(g));
                    } else {
                        hub.leave(c, String.valueOf(g));
                    }
                }
            }
        }
        ex.status(200);
    }

    private void listGroupConnections(RestExchange ex) {
        List<ClientConnection> members = hub(ex).membersOf(group(ex));
        int pageSize = ex.intQuery("maxpagesize", 200);
        if (pageSize < 1 || pageSize > 200) {
            throw RestException.badRequest("maxpagesize must be between 1 and 200.");
        }
        int top = ex.intQuery("top", Integer.MAX_VALUE);
        int offset = ex.intQuery("continuationToken", 0);
        int end = Math.min(Math.min(members.size(), top), offset + pageSize);
        JsonArray value = new JsonArray();
        for (ClientConnection c : members.subList(Math.min(offset, end), end)) {
            JsonObject entry = new JsonObject().put("connectionId", c.id());
            if (c.userId() != null) {
                entry.put("userId", c.userId());
            }
            value.add(entry);
        }
        JsonObject page = new JsonObject().put("value", value);
        if (end < Math.min(members.size(), top)) {
            page.put("nextLink", ex.request().path() + "?api-version=" + ex.query("api-version") + "&maxpagesize=" + pageSize
                    + (top == Integer.MAX_VALUE ? "" : "&top=" + top) + "&continuationToken=" + end);
        }
        ex.json(200, page);
    }

    private void generateToken(RestExchange ex) {
        String hubName = hub(ex).name();
        int minutes = ex.intQuery("minutesToExpire", 60);
        if (minutes < 1) {
            throw RestException.badRequest("minutesToExpire must be at least 1.");
        }
        String token = tokens.mintClientToken(endpoint + "/client/hubs/" + hubName, ex.query("userId"), ex.queryAll("role"),
                ex.queryAll("group"), Duration.ofMinutes(minutes));
        ex.json(200, new JsonObject().put("token", token));
    }
}
