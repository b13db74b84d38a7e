package io.github.webpubsub.emulator;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.emulator.auth.AccessTokens;
import io.github.webpubsub.emulator.fault.FaultPlan;
import io.github.webpubsub.emulator.hub.ConnectionLifecycle;
import io.github.webpubsub.emulator.hub.NetworkFaults;
import io.github.webpubsub.emulator.protocol.Subprotocol;
import io.github.webpubsub.emulator.rest.DataPlaneApi;
import io.github.webpubsub.emulator.rest.EmulatorApi;
import io.github.webpubsub.emulator.rest.RestCallTrace;
import io.github.webpubsub.emulator.rest.RestRoutes;
import io.github.webpubsub.emulator.trace.TraceFeed;
import io.github.webpubsub.emulator.trace.TracePage;
import io.github.webpubsub.emulator.trace.TraceSocketEndpoint;
import io.github.webpubsub.emulator.upstream.UpstreamClient;
import io.github.webpubsub.emulator.ws.ClientEndpoint;
import io.github.webpubsub.emulator.ws.RequestProcessor;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * A local Azure Web PubSub service: the client WebSocket protocol (json and json.reliable), JWT auth and roles,
 * groups, acks, recovery, the data-plane REST API, an upstream event handler, fault injection, and a live trace of the
 * traffic ({@link #traceUrl()}).
 *
 * <pre>{@code
 * try (WebPubSubEmulator emulator = WebPubSubEmulator.builder().start()) {
 *     String connectionString = emulator.connectionString();
 *     ...
 * }
 * }</pre>
 *
 * All of its state lives on one Vert.x event loop; the methods of this class may be called from any other thread.
 */
public final class WebPubSubEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebPubSubEmulator.class);
    private static final Duration API_TIMEOUT = Duration.ofSeconds(10);

    private final Builder options;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final EventLoop loop;
    private final ExecutorService listenerThread;
    /** The live trace: what the hubs, connections, REST calls, event handler calls and faults report. */
    private final TraceFeed trace = new TraceFeed();
    private final FaultPlan faultPlan = new FaultPlan(trace);
    private Faults faults;
    private AccessTokens tokens;
    private ConnectionLifecycle lifecycle;
    private EventBroadcaster broadcaster;
    private UpstreamClient upstream;
    private HttpServer server;
    private NetworkFaults network;
    private String endpoint;
    /** Set once everything is wired; requests that come earlier get 503. */
    private volatile Router router;

    private WebPubSubEmulator(Builder options) {
        this.options = options;
        this.ownsVertx = options.vertx == null;
        this.vertx = ownsVertx ? Vertx.vertx() : options.vertx;
        this.loop = new EventLoop(vertx.getOrCreateContext(), API_TIMEOUT);
        this.listenerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "webpubsub-emulator-listeners");
            t.setDaemon(true);
            return t;
        });
    }

    /** Options for a new emulator; {@link Builder#start()} starts it. */
    public static Builder builder() {
        return new Builder();
    }

    private WebPubSubEmulator startServer() {
        try {
            io.vertx.core.Future<Integer> listen = onLoop(() -> {
                // The HTTP server listens on loopback only; clients reach it through the relay that injects network
                // faults, on the emulator's public host and port.
                HttpServerOptions serverOptions = new HttpServerOptions()
                        .setHost("127.0.0.1")
                        .setPort(0)
                        .setWebSocketSubProtocols(Subprotocol.ids())
                        // Above the service's 1 MB so that the emulator, not Netty, answers an oversized message.
                        .setMaxWebSocketFrameSize(4 * RequestProcessor.MAX_MESSAGE_BYTES)
                        .setMaxWebSocketMessageSize(4 * RequestProcessor.MAX_MESSAGE_BYTES)
                        .setRegisterWebSocketWriteHandlers(false);
                // Created and bound on the emulator's context, so that every connection is served on its event loop.
                server = vertx.createHttpServer(serverOptions).requestHandler(this::route);
                network = new NetworkFaults(vertx);
                return server.listen().compose(http -> network.listen(options.host, options.port, http.actualPort()));
            });
            int port = listen.toCompletionStage().toCompletableFuture().get(API_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String host = options.host.equals("0.0.0.0") || options.host.equals("::") ? "localhost" : options.host;
            endpoint = "http://" + host + ":" + port;
            onLoop(() -> {
                wire();
                return null;
            });
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("The emulator could not listen on " + options.host + ":" + options.port + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting the emulator", e);
        }
        LOG.info("Web PubSub emulator listening at {}", endpoint);
        return this;
    }

    private void wire() {
        tokens = new AccessTokens(options.accessKey);
        lifecycle = new ConnectionLifecycle(vertx, network, options.recoveryWindow, options.bufferMessages,
                options.bufferBytes, trace);
        upstream = options.eventHandler == null ? null
                : new UpstreamClient(vertx, options.eventHandler, options.accessKey, URI.create(endpoint).getAuthority(), trace);
        faults = new Faults(faultPlan, lifecycle, loop);
        broadcaster = new EventBroadcaster(listenerThread, upstream);
        lifecycle.observer(broadcaster);
        RequestProcessor processor = new RequestProcessor(vertx, lifecycle, faultPlan, broadcaster, trace);
        ClientEndpoint clients = new ClientEndpoint(lifecycle, tokens, faultPlan, processor, endpoint, trace);
        router = routes(clients);
    }

    /** One router for everything the HTTP server serves: the trace, the client endpoint and the REST APIs. */
    private Router routes(ClientEndpoint clients) {
        Router routes = Router.router(vertx);
        routes.get(TracePage.PATH).handler(new TracePage());
        TraceSocketEndpoint traceSocket = new TraceSocketEndpoint(trace, TraceFeed.DEFAULT_CAPACITY);
        routes.get(TraceSocketEndpoint.PATH).handler(traceSocket::handle);
        routes.routeWithRegex(RestCallTrace.PATHS).handler(new RestCallTrace(trace));
        // The WebSocket handshakes go through the router too, with no body handler in front so that they can upgrade.
        routes.routeWithRegex(ClientEndpoint.PATHS).handler(ctx -> clients.handle(ctx.request()));
        RestRoutes rest = new RestRoutes(routes, tokens, endpoint);
        new DataPlaneApi(lifecycle, tokens, endpoint).register(rest);
        new EmulatorApi(lifecycle, faultPlan).register(rest);
        routes.errorHandler(404, ctx -> ctx.response().setStatusCode(404)
                .end("No such endpoint: " + ctx.request().method() + " " + ctx.request().path()));
        routes.errorHandler(405, ctx -> ctx.response().setStatusCode(405).end());
        routes.errorHandler(413, RestRoutes::payloadTooLarge);
        return routes;
    }

    private void route(HttpServerRequest request) {
        Router r = router;
        if (r == null) {
            request.response().setStatusCode(503).end("The emulator is starting.");
        } else {
            r.handle(request);
        }
    }

    /** The HTTP port the emulator listens on. */
    public int port() {
        return URI.create(endpoint).getPort();
    }

    /** The service endpoint, {@code http://localhost:PORT}. */
    public String endpoint() {
        return endpoint;
    }

    /** The live trace page, {@code http://localhost:PORT/trace}: the hubs' traffic as it happens. */
    public String traceUrl() {
        return endpoint + TracePage.PATH;
    }

    /** The live trace as a WebSocket of JSON lines, {@code ws://localhost:PORT/trace/ws} (see docs/emulator.md). */
    public String traceFeedUrl() {
        return endpoint.replaceFirst("^http", "ws") + TraceSocketEndpoint.PATH;
    }

    /** The live trace, for readers in this JVM; with none attached it costs nothing. */
    public TraceFeed trace() {
        return trace;
    }

    /** The access key that signs every token. */
    public String accessKey() {
        return options.accessKey;
    }

    /** {@code Endpoint=http://localhost:PORT;AccessKey=KEY;Version=1.0;}, as the service SDKs take it. */
    public String connectionString() {
        return "Endpoint=" + endpoint + ";AccessKey=" + options.accessKey + ";Version=1.0;";
    }

    /**
     * A client access URL with a token valid for one hour, as a negotiate endpoint would hand out.
     *
     * @param roles  roles such as {@code webpubsub.joinLeaveGroup} or {@code webpubsub.sendToGroup.chat}
     * @param groups groups the client joins on connect
     */
    public String clientAccessUrl(String hub, String userId, List<String> roles, List<String> groups) {
        return clientAccessUrl(hub, userId, roles, groups, Duration.ofHours(1));
    }

    /** A client access URL with a token of the given lifetime (negative for an already expired one). */
    public String clientAccessUrl(String hub, String userId, List<String> roles, List<String> groups, Duration lifetime) {
        String token = tokens.mintClientToken(endpoint + "/client/hubs/" + hub, userId, roles, groups, lifetime);
        return endpoint.replaceFirst("^http", "ws") + "/client/hubs/" + hub + "?access_token=" + token;
    }

    /** The connections of a hub, including dropped reliable ones that may still be recovered. */
    public List<ConnectionInfo> connections(String hub) {
        return onLoop(() -> lifecycle.hubs().hub(hub).connections().stream().map(ConnectionInfo::of).toList());
    }

    /** One connection, if it exists. */
    public Optional<ConnectionInfo> connection(String hub, String connectionId) {
        return onLoop(() -> Optional.ofNullable(lifecycle.hubs().hub(hub).connection(connectionId)).map(ConnectionInfo::of));
    }

    /** The user events received so far (the last 10,000), oldest first. */
    public List<UserEvent> userEvents() {
        return broadcaster.userEvents();
    }

    /** Adds a listener for connections and user events. */
    public WebPubSubEmulator addListener(EmulatorListener listener) {
        broadcaster.addListener(listener);
        return this;
    }

    /** Fault injection. */
    public Faults faults() {
        return faults;
    }

    /** Stops the server, closing every connection, and the Vert.x instance if the emulator created it. */
    public void stop() {
        close();
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close().toCompletionStage().toCompletableFuture().get(API_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (network != null) {
                network.close().toCompletionStage().toCompletableFuture().get(API_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            if (upstream != null) {
                upstream.close();
            }
            if (ownsVertx) {
                vertx.close().toCompletionStage().toCompletableFuture().get(API_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The emulator did not stop cleanly: {}", e.toString());
        } finally {
            listenerThread.shutdownNow();
        }
    }

    /** Runs an action on the emulator's event loop and waits for its result. */
    private <T> T onLoop(Callable<T> action) {
        return loop.call(action);
    }

    /** Creates a random access key: 32 random bytes in base64, like the keys Azure issues. */
    public static String randomAccessKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The options of an emulator. */
    public static final class Builder {

        private String host = "localhost";
        private int port;
        private String accessKey = randomAccessKey();
        private URI eventHandler;
        private Duration recoveryWindow = Duration.ofSeconds(30);
        private int bufferMessages = 1000;
        private long bufferBytes = 16L * 1024 * 1024;
        private Vertx vertx;

        private Builder() {
        }

        /** The address to listen on; {@code localhost} by default, {@code 0.0.0.0} for every interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** The access key; a random one by default. */
        public Builder accessKey(String accessKey) {
            if (accessKey == null || accessKey.isEmpty()) {
                throw new IllegalArgumentException("The access key must not be empty");
            }
            this.accessKey = accessKey;
            return this;
        }

        /** The app server's event handler URL, which receives user and system events as CloudEvents. */
        public Builder eventHandler(URI eventHandler) {
            this.eventHandler = eventHandler;
            return this;
        }

        /** How long a dropped reliable connection can be recovered; 30 s, as on the service. */
        public Builder recoveryWindow(Duration recoveryWindow) {
            this.recoveryWindow = recoveryWindow;
            return this;
        }

        /** The unacked-message limits of a reliable connection; 1000 messages and 16 MB, as on the service. */
        public Builder reliableBuffer(int messages, long bytes) {
            this.bufferMessages = messages;
            this.bufferBytes = bytes;
            return this;
        }

        /** A Vert.x instance to run on; the emulator then leaves it open when it stops. */
        public Builder vertx(Vertx vertx) {
            this.vertx = vertx;
            return this;
        }

        /** Starts the emulator and waits until it listens. */
        public WebPubSubEmulator start() {
            return new WebPubSubEmulator(this).startServer();
        }
    }
}
