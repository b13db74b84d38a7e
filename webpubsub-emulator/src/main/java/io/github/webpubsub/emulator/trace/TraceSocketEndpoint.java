package io.github.webpubsub.emulator.trace;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * The live trace as a WebSocket, {@code /trace/ws}: one JSON line per text message (see {@link TraceJson}), first a
 * {@code subscribed} line, filtered by the query parameters of {@link TraceFilter#fromQuery}. A reader that cannot keep
 * up loses its oldest entries and gets an {@code overflow} line; its socket's write queue never grows past Vert.x's
 * limit, because entries wait in the subscription's bounded queue until the socket drains.
 */
public final class TraceSocketEndpoint {

    /** The feed's path. */
    public static final String PATH = "/trace/ws";

    private static final Logger LOG = LoggerFactory.getLogger(TraceSocketEndpoint.class);

    private final TraceFeed feed;
    private final int capacity;

    /** @param capacity how many entries a reader may be behind before it loses the oldest */
    public TraceSocketEndpoint(TraceFeed feed, int capacity) {
        this.feed = feed;
        this.capacity = capacity;
    }

    /** Upgrades the request and attaches a reader until the socket closes. */
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!sameOrigin(request)) {
            // A page on another site must not read the traffic through the developer's browser.
            refuse(request, 403, "The live trace only accepts pages served by the emulator.");
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            refuse(request, 400, "Expected a WebSocket upgrade request; the page is at /trace.");
            return;
        }
        TraceFilter filter;
        try {
            filter = TraceFilter.fromQuery(request.params()::getAll);
        } catch (IllegalArgumentException e) {
            refuse(request, 400, e.getMessage());
            return;
        }
        request.toWebSocket().onSuccess(socket -> attach(socket, filter))
                .onFailure(e -> LOG.debug("A live trace upgrade failed: {}", e.toString()));
    }

    private void attach(ServerWebSocket socket, TraceFilter filter) {
        Context context = Vertx.currentContext();
        Executor onSocketLoop = task -> context.runOnContext(v -> task.run());
        // Subscribed first, so that nothing published after the subscribed line is missed; the first drain is a later
        // task on this loop, so the subscribed line still goes out first.
        TraceSubscription subscription = feed.subscribe(filter, capacity, onSocketLoop, s -> drain(s, socket));
        socket.writeTextMessage(TraceJson.encode(TraceEvent.of(TraceKind.SUBSCRIBED).with("capacity", capacity)
                .with("payloads", filter.payloads()).build(0, Instant.now(), false), false));
        socket.closeHandler(v -> subscription.close());
        socket.exceptionHandler(e -> LOG.debug("Live trace socket error: {}", e.toString()));
        // Readers have nothing to say; whatever they send is ignored.
        socket.handler(data -> { });
    }

    /** Writes what the socket takes now; the rest waits in the subscription until the socket drains. */
    private static void drain(TraceSubscription subscription, ServerWebSocket socket) {
        if (socket.isClosed()) {
            return;
        }
        while (!socket.writeQueueFull()) {
            TraceEvent entry = subscription.poll();
            if (entry == null) {
                return;
            }
            socket.writeTextMessage(TraceJson.encode(entry, subscription.filter().payloads()));
        }
        socket.drainHandler(v -> drain(subscription, socket));
    }

    /** No Origin (scripts, tests) or an Origin naming the host the request was sent to. */
    static boolean sameOrigin(HttpServerRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && originHost != null && originHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void refuse(HttpServerRequest request, int status, String reason) {
        request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(reason);
    }
}
