package io.github.webpubsub.emulator.rest;

import java.time.Duration;

import io.github.webpubsub.emulator.fault.AckFault;
import io.github.webpubsub.emulator.fault.FaultPlan;
import io.github.webpubsub.emulator.hub.ClientConnection;
import io.github.webpubsub.emulator.hub.ConnectionLifecycle;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The emulator's own REST API, beside the data plane and under the same bearer auth: inspect connections and inject
 * the faults a real service cannot be made to produce on demand.
 */
public final class EmulatorApi {

    private static final String CONNECTION = "/emulator/hubs/{hub}/connections/{connectionId}";

    private final ConnectionLifecycle lifecycle;
    private final FaultPlan faults;

    public EmulatorApi(ConnectionLifecycle lifecycle, FaultPlan faults) {
        this.lifecycle = lifecycle;
        this.faults = faults;
    }

    public void register(RestRoutes router) {
        router.route(HttpMethod.GET, "/emulator/hubs/{hub}/connections", this::listConnections)
                .route(HttpMethod.POST, CONNECTION + ":drop", ex -> {
                    lifecycle.drop(connection(ex));
                    ex.status(204);
                })
                .route(HttpMethod.POST, CONNECTION + ":close", ex -> {
                    int code = ex.intQuery("code", 1000);
                    if (code < 1000 || code > 4999 || code == 1005 || code == 1006 || code == 1015) {
                        throw RestException.badRequest("code must be a WebSocket close code a server may send (1000-4999, not 1005, 1006, 1015).");
                    }
                    String reason = ex.query("reason");
                    lifecycle.closeByFault(connection(ex), (short) code, reason == null ? "Closed by the emulator." : reason);
                    ex.status(204);
                })
                .route(HttpMethod.POST, CONNECTION + ":silence", ex -> {
                    lifecycle.silence(connection(ex));
                    ex.status(204);
                })
                .route(HttpMethod.POST, "/emulator/faults/acks", this::armAcks)
                .route(HttpMethod.POST, "/emulator/faults/recoveries", ex -> {
                    faults.refuseRecoveries(count(ex));
                    ex.status(204);
                })
                .route(HttpMethod.POST, "/emulator/faults/upgrades", ex -> {
                    try {
                        faults.refuseUpgrades(ex.intQuery("status", 401), count(ex));
                    } catch (IllegalArgumentException e) {
                        throw RestException.badRequest(e.getMessage());
                    }
                    ex.status(204);
                })
                .route(HttpMethod.DELETE, "/emulator/faults", ex -> {
                    faults.clear();
                    ex.status(204);
                });
    }

    /** The JSON form of a connection in the REST listing: the fields of {@code ConnectionInfo}. */
    private static JsonObject toJson(ClientConnection c) {
        return new JsonObject().put("connectionId", c.id()).put("userId", c.userId()).put("groups", new JsonArray(c.groups()))
                .put("subprotocol", c.protocol().id()).put("state", c.state().name()).put("unacked", c.unackedCount());
    }

    private void listConnections(RestExchange ex) {
        JsonArray list = new JsonArray();
        lifecycle.hubs().hub(ex.path("hub")).connections().forEach(c -> list.add(toJson(c)));
        ex.json(200, list);
    }

    private ClientConnection connection(RestExchange ex) {
        ClientConnection c = lifecycle.hubs().hub(ex.path("hub")).connection(ex.path("connectionId"));
        if (c == null || c.state() == ClientConnection.State.CLOSED) {
            throw RestException.notFound("Connection '" + ex.path("connectionId") + "' does not exist in hub '" + ex.path("hub") + "'.");
        }
        return c;
    }

    private void armAcks(RestExchange ex) {
        String mode = ex.query("mode");
        AckFault fault;
        if ("withhold".equals(mode)) {
            fault = new AckFault.Withhold();
        } else if ("delay".equals(mode)) {
            fault = new AckFault.Delay(Duration.ofMillis(ex.intQuery("delayMs", 1000)));
        } else if ("fail".equals(mode)) {
            String error = ex.query("error");
            fault = new AckFault.Fail(error == null ? "InternalServerError" : error,
                    ex.query("message") == null ? "Injected fault." : ex.query("message"));
        } else {
            throw RestException.badRequest("mode must be withhold, delay or fail.");
        }
        faults.armAcks(fault, count(ex));
        ex.status(204);
    }

    private static int count(RestExchange ex) {
        int count = ex.intQuery("count", 1);
        if (count < 1) {
            throw RestException.badRequest("count must be at least 1.");
        }
        return count;
    }
}
