package io.github.webpubsub.camel;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.github.webpubsub.client.AckMode;
import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.DataType;
import io.github.webpubsub.client.Names;
import io.github.webpubsub.client.StateLockMode;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ProxyType;
import io.github.webpubsub.client.ConnectionString;

/** Every option of the {@code webpubsub} component and its endpoints. */
@UriParams
@Configurer
public class WebPubSubConfiguration implements Cloneable {

    /**
     * The group. Consumers join it and receive its messages; producers send to it. Leave it empty for a consumer of
     * server messages or lifecycle events only, or for a producer that takes the group from the
     * CamelWebPubSubGroup header.
     */
    @UriPath
    private String group;

    /**
     * The connection string of the Web PubSub service, as the portal shows it:
     * Endpoint=https://NAME.webpubsub.azure.com;AccessKey=KEY;Version=1.0; The component mints a short-lived client
     * access token from it for every new connection. Needs hub.
     */
    @UriParam(label = "security", secret = true)
    private String connectionString;

    /** The hub to connect to, with connectionString. */
    @UriParam(label = "common")
    private String hub;

    /** The user id of the connection, with connectionString. */
    @UriParam(label = "common")
    private String userId;

    /**
     * Roles of the connection, comma-separated, with connectionString. By default the connection may join and leave
     * any group and publish to any group: webpubsub.joinLeaveGroup,webpubsub.sendToGroup.
     */
    @UriParam(label = "security", defaultValue = "webpubsub.joinLeaveGroup,webpubsub.sendToGroup")
    private String roles = "webpubsub.joinLeaveGroup,webpubsub.sendToGroup";

    /** How long each minted access token is valid, with connectionString. Tokens are checked only at connect time. */
    @UriParam(label = "security", defaultValue = "1h", javaType = "java.time.Duration")
    private long tokenLifetime = ConnectionStringCredential.DEFAULT_TOKEN_LIFETIME.toMillis();

    /**
     * A client access URL, wss://HOST/client/hubs/HUB with an access_token query parameter, instead of a connection
     * string. Its token must still be valid whenever a new connection is opened.
     */
    @UriParam(label = "security", secret = true)
    private String clientAccessUrl;

    /**
     * A bean that supplies client access URLs, for example from your app server's negotiate endpoint. It is asked for
     * every new connection. Instead of connectionString or clientAccessUrl.
     */
    @UriParam(label = "security")
    private ClientAccessUrlProvider clientAccessUrlProvider;

    /**
     * The subprotocol: json.reliable recovers dropped connections without losing messages; json does not.
     * protobuf.reliable and protobuf are the same in binary protobuf frames, and need com.google.protobuf:protobuf-java
     * 4.x on the class path: a protobuf Message body is sent as protobuf data, and received protobuf data is a
     * com.google.protobuf.Any.
     */
    @UriParam(label = "common", defaultValue = "json.reliable", enums = "json.reliable,json,protobuf.reliable,protobuf")
    private String protocol = WebPubSubClientOptions.DEFAULT_PROTOCOL.shortName();

    /** Whether a connection that cannot be recovered is replaced by a new one. */
    @UriParam(label = "common", defaultValue = "true")
    private boolean autoReconnect = WebPubSubClientOptions.DEFAULT_AUTO_RECONNECT;

    /** Whether a new connection joins again the groups the old one had joined. */
    @UriParam(label = "common", defaultValue = "true")
    private boolean autoRejoinGroups = WebPubSubClientOptions.DEFAULT_AUTO_REJOIN_GROUPS;

    /** The delay before the first new-connection attempt, doubled on each failure (with jitter). */
    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration")
    private long reconnectDelay = WebPubSubClientOptions.DEFAULT_RECONNECT_DELAY.toMillis();

    /** The longest delay between new-connection attempts. */
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long maxReconnectDelay = WebPubSubClientOptions.DEFAULT_MAX_RECONNECT_DELAY.toMillis();

    /** How many failed new-connection attempts in a row are tolerated before the connection stops; -1 for no limit. */
    @UriParam(label = "advanced", defaultValue = "-1")
    private int maxReconnectAttempts = WebPubSubClientOptions.DEFAULT_MAX_RECONNECT_ATTEMPTS;

    /** How often a WebSocket ping is sent to keep the connection alive; 0 for never. */
    @UriParam(label = "advanced", defaultValue = "20s", javaType = "java.time.Duration")
    private long keepAliveInterval = WebPubSubClientOptions.DEFAULT_PING_INTERVAL.toMillis();

    /** How long the connection may stay silent before it counts as dropped and is recovered; 0 for no limit. */
    @UriParam(label = "advanced", defaultValue = "120s", javaType = "java.time.Duration")
    private long idleTimeout = WebPubSubClientOptions.DEFAULT_IDLE_TIMEOUT.toMillis();

    /**
     * On the json protocol only: how many received messages may wait for the routes before the connection stops
     * reading. A json.reliable connection never stops reading: the service bounds what it sends ahead of the acks.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "256")
    private int receiveQueueCapacity = WebPubSubClientOptions.DEFAULT_RECEIVE_QUEUE_CAPACITY;

    /**
     * When a received message is acknowledged to the service. afterProcessing: once the route, including its error
     * handling (redeliveries, dead letter channel), is done with the exchange, so nothing leaves the service that a
     * route has not processed; a route that falls 1000 messages behind its publishers gets the connection closed as
     * SlowClient, which is reported at once. onReceipt: as soon as it is in the connection's receive buffer (see
     * receiveBufferMessages and receiveBufferBytes), which absorbs bursts far beyond the service's limit, but what is
     * in that buffer is lost if the process dies. afterProcessing is the default because a bridge to Kafka or JMS
     * should let a message go only once the broker has it.
     */
    @UriParam(label = "consumer", enums = "afterProcessing,onReceipt", defaultValue = "afterProcessing")
    private String ackMode = optionName(WebPubSubClientOptions.DEFAULT_ACK_MODE);

    /**
     * A file where the connection keeps its recovery state (connectionId, reconnection token, the highest sequenceId
     * acknowledged), so that a bridge restarted within the recovery window takes its connection back and the service
     * sends it everything it had not acknowledged. Locked with an operating-system lock (stateFile.lock) while a
     * process holds it; see stateLockMode. With a state, stopping the last consumer of the connection (a route stop, a
     * clustered route policy that lost leadership, a CamelContext shutdown) leaves the connection, and its groups, to
     * the next start instead of ending it. Only consumers use the state: producers get a connection of their own.
     * Needs json.reliable. The file holds a secret (the token): keep it private.
     */
    @UriParam(label = "consumer")
    private String stateFile;

    /**
     * Instead of stateFile: a Camel StateRepository bean (String keys and values) for the recovery state, for example
     * a shared store for a standby instance. Such a repository has no lock: make sure that only one live process uses
     * a state, for example with a clustered route policy. Camel's FileStateRepository logs the values it writes at
     * DEBUG, the reconnection token among them.
     */
    @UriParam(label = "consumer,advanced")
    private StateRepository<String, String> stateRepository;

    /**
     * What a process does when another live process holds the stateFile lock: wait until it is free, then take the
     * connection (wait), or open a connection of its own at once, without the stored state (newConnection).
     */
    @UriParam(label = "consumer", enums = "wait,newConnection", defaultValue = "wait")
    private String stateLockMode = optionName(WebPubSubClientOptions.DEFAULT_STATE_LOCK_MODE);

    /**
     * How long after a drop a json.reliable connection is still recovered, counted from the first drop; the service
     * keeps a dropped connection at least 30 seconds.
     */
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long recoveryWindow = WebPubSubClientOptions.DEFAULT_RECOVERY_WINDOW.toMillis();

    /** The least time between two attempts to recover a dropped connection. */
    @UriParam(label = "advanced", defaultValue = "1s", javaType = "java.time.Duration")
    private long recoveryDelay = WebPubSubClientOptions.DEFAULT_RECOVERY_DELAY.toMillis();

    /** How long a WebSocket handshake, and the service's connected message after it, may take. */
    @UriParam(label = "advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long connectTimeout = WebPubSubClientOptions.DEFAULT_CONNECT_TIMEOUT.toMillis();

    /**
     * Whether to keep trying after the service rejects the handshake with 401 or 403. By default the connection
     * stops with the reason, since a wrong or expired credential does not fix itself.
     */
    @UriParam(label = "security,advanced", defaultValue = "false")
    private boolean retryOnAuthFailure = WebPubSubClientOptions.DEFAULT_RETRY_ON_AUTH_FAILURE;

    /** With retryOnAuthFailure: the delay between attempts after a rejected handshake. */
    @UriParam(label = "security,advanced", defaultValue = "5m", javaType = "java.time.Duration")
    private long authFailureRetryDelay = WebPubSubClientOptions.DEFAULT_AUTH_FAILURE_RETRY_DELAY.toMillis();

    /**
     * How many acked requests may await their acks on a connection at once; more wait in the send queue until acks
     * come back.
     */
    @UriParam(label = "producer,advanced", defaultValue = "4096")
    private int maxInFlightSends = WebPubSubClientOptions.DEFAULT_MAX_IN_FLIGHT_SENDS;

    /**
     * How many invokeEvent exchanges may wait for the event handler's answers on a connection at once; more fail at
     * once with TooManyInvocations.
     */
    @UriParam(label = "producer,advanced", defaultValue = "1000")
    private int maxInvocations = WebPubSubClientOptions.DEFAULT_MAX_INVOCATIONS;

    /**
     * How long an invokeEvent exchange waits for the event handler's answer; then it fails with InvocationTimeout and
     * the client sends cancelInvocation.
     */
    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration")
    private long invokeTimeout = WebPubSubClientOptions.DEFAULT_INVOKE_TIMEOUT.toMillis();

    /**
     * How many exchanges of this consumer may be processed at once. 1, the default, processes group messages one at
     * a time and in order. More processes them in parallel, out of order, on a thread pool of that size; they are
     * still acknowledged in order, each only once processed (with ackMode=afterProcessing), so nothing is lost.
     */
    @UriParam(label = "consumer", defaultValue = "1")
    private int concurrentConsumers = 1;

    /** How often the connection acknowledges what may be acknowledged to a json.reliable service. */
    @UriParam(label = "consumer,advanced", defaultValue = "1s", javaType = "java.time.Duration")
    private long sequenceAckInterval = WebPubSubClientOptions.DEFAULT_SEQUENCE_ACK_INTERVAL.toMillis();

    /**
     * Also acknowledge as soon as this many more messages may be acknowledged, well within the service's limit of
     * 1000 unacknowledged messages; while the service holds this many or more unacknowledged (routes behind), as soon
     * as a tenth of it may be.
     */
    @UriParam(label = "consumer,advanced", defaultValue = "100")
    private int sequenceAckBatch = WebPubSubClientOptions.DEFAULT_SEQUENCE_ACK_BATCH;

    /** With ackMode=onReceipt: how many received messages the connection holds for its routes, already acknowledged. */
    @UriParam(label = "consumer,advanced", defaultValue = "50000")
    private int receiveBufferMessages = WebPubSubClientOptions.DEFAULT_RECEIVE_BUFFER_MESSAGES;

    /** With ackMode=onReceipt: how many bytes of message data (characters for text and JSON) that buffer holds. */
    @UriParam(label = "consumer,advanced", defaultValue = "67108864")
    private long receiveBufferBytes = WebPubSubClientOptions.DEFAULT_RECEIVE_BUFFER_BYTES;

    /**
     * TLS settings for wss, applied whole: the key managers (a client certificate; certAlias picks one of several),
     * the trust managers (a server trusted by any of them is accepted; without them, the JVM's default trust store),
     * the enabled protocols (secureSocketProtocols, or secureSocketProtocol as the highest version) and cipher suites,
     * on the parameters and on their clientParameters. What the WebSocket transport cannot apply fails at endpoint
     * creation, naming it: protocol and cipher suite filters, sniHostNames (the server name sent is the host of the
     * service URL), named groups, signature schemes, sessionTimeout, provider and secureRandom. serverParameters do not
     * apply to a client.
     */
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    /**
     * The Vert.x WebSocketClientOptions of the connection, a bean passed to Vert.x whole: frame and message size
     * limits (maxFrameSize, maxMessageSize), host verification (verifyHost), the close handshake's closingTimeout,
     * per-message compression, TCP and TLS settings. It replaces the client's transport defaults (4 MB frames and
     * messages, a 2-second closing timeout, verifyHost), so what it leaves unset is Vert.x's own default (64 KB frames,
     * 256 KB messages). The explicit options win over it: what sslContextParameters sets (key managers, trust managers,
     * protocols, cipher suites) replaces the same in it, proxyHost and the other proxy options replace its proxy, and
     * connectTimeout is the handshake's timeout whatever it says. Endpoints share a connection only with the same
     * bean.
     */
    @UriParam(label = "advanced")
    private WebSocketClientOptions webSocketOptions;

    /** The host of a proxy to reach the service through: an HTTP proxy (CONNECT), or SOCKS4 or SOCKS5, see proxyType. */
    @UriParam(label = "proxy")
    private String proxyHost;

    /** The kind of proxy at proxyHost: HTTP (CONNECT), SOCKS4 or SOCKS5. */
    @UriParam(label = "proxy", enums = "HTTP,SOCKS4,SOCKS5", defaultValue = "HTTP")
    private String proxyType = "HTTP";

    /** The port of the proxy at proxyHost. */
    @UriParam(label = "proxy", defaultValue = "3128")
    private int proxyPort = 3128;

    /** The user name for the proxy, if it needs one (for SOCKS4, the user id it is given). */
    @UriParam(label = "proxy", secret = true)
    private String proxyUsername;

    /** The password for the proxy (HTTP or SOCKS5), if it needs one. */
    @UriParam(label = "proxy", secret = true)
    private String proxyPassword;

    /**
     * The events to receive, comma-separated: group-message, server-message, connected, disconnected, stopped,
     * rejoin-group-failed, recovering, recovered. By default group-message when the endpoint has a group, else
     * server-message. Lifecycle events carry the connection id and user id in headers, the close code (disconnected,
     * recovering) and the group (rejoin-group-failed) too; the reason (disconnected, recovering, stopped,
     * rejoin-group-failed) is in the CamelWebPubSubReason header and, as before, the body.
     */
    @UriParam(label = "consumer")
    private String events;

    /**
     * What the producer does: sendToGroup, sendEvent, joinGroup, leaveGroup, or invokeEvent (request/reply: the event
     * handler's answer becomes the out body).
     */
    @UriParam(label = "producer", defaultValue = "sendToGroup")
    private WebPubSubOperation operation = WebPubSubOperation.sendToGroup;

    /** The event name for the sendEvent and invokeEvent operations. */
    @UriParam(label = "producer")
    private String event;

    /**
     * How the body is sent: text, json or binary. Unset, it follows the body: a String is text; a byte array, ByteBuffer
     * or InputStream is binary; anything else is serialized to JSON with Jackson.
     */
    @UriParam(label = "producer", enums = "text,json,binary")
    private String dataType;

    /** Whether the sending connection is left out when it is in the group it publishes to. */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean noEcho;

    /**
     * Send without an ackId: the exchange completes when the frame is written, and the service reports no errors.
     */
    @UriParam(label = "producer", defaultValue = "false")
    private boolean fireAndForget;

    /** How long to wait for the service's ack of one attempt before retrying. */
    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration")
    private long ackTimeout = WebPubSubClientOptions.DEFAULT_ACK_TIMEOUT.toMillis();

    /**
     * How many times a send is retried, with the same ackId, after a transient failure (connection lost before the
     * ack, no ack in time, InternalServerError). Forbidden and other errors are never retried.
     */
    @UriParam(label = "producer", defaultValue = "3")
    private int maxRetries = WebPubSubClientOptions.DEFAULT_MAX_RETRIES;

    /** The delay before the first retry, doubled on each retry (with jitter). */
    @UriParam(label = "producer", defaultValue = "800ms", javaType = "java.time.Duration")
    private long retryDelay = WebPubSubClientOptions.DEFAULT_RETRY_DELAY.toMillis();

    /** The longest delay between retries. */
    @UriParam(label = "producer", defaultValue = "8s", javaType = "java.time.Duration")
    private long maxRetryDelay = WebPubSubClientOptions.DEFAULT_MAX_RETRY_DELAY.toMillis();

    /** How many sends may wait for a connection while it is recovering or reconnecting. */
    @UriParam(label = "producer,advanced", defaultValue = "1000")
    private int maxQueuedSends = WebPubSubClientOptions.DEFAULT_MAX_QUEUED_SENDS;

    /** How long a send may wait for a connection before it fails. */
    @UriParam(label = "producer,advanced", defaultValue = "30s", javaType = "java.time.Duration")
    private long queuedSendTimeout = WebPubSubClientOptions.DEFAULT_QUEUED_SEND_TIMEOUT.toMillis();

    /** A copy, for an endpoint to change without touching the component's defaults. */
    public WebPubSubConfiguration copy() {
        try {
            return (WebPubSubConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * The options of a producer's connection: the same, without a connection state. A state names one connection
     * that only one live process may hold, and it is the consumer's: a producer on a standby instance that took it
     * would take the leader's socket, and a producer that waited for it would not send at all. So a producer gets a
     * connection of its own, shared with stateless consumers of the same options, on every instance.
     */
    WebPubSubConfiguration forProducer() {
        if (!keepsConnectionState()) {
            return this;
        }
        WebPubSubConfiguration producer = copy();
        producer.stateFile = null;
        producer.stateRepository = null;
        return producer;
    }

    /**
     * Checks the options that do not depend on whether the endpoint consumes or produces.
     *
     * @throws IllegalArgumentException naming the option at fault, never quoting a secret
     */
    public void validate() {
        int credentials = (connectionString != null ? 1 : 0) + (clientAccessUrl != null ? 1 : 0)
                + (clientAccessUrlProvider != null ? 1 : 0);
        if (credentials == 0) {
            throw new IllegalArgumentException(
                    "No credential: set one of the options connectionString (with hub), clientAccessUrl or clientAccessUrlProvider");
        }
        if (credentials > 1) {
            throw new IllegalArgumentException(
                    "Set only one of the options connectionString, clientAccessUrl and clientAccessUrlProvider");
        }
        if (connectionString != null) {
            if (hub == null || hub.isBlank()) {
                throw new IllegalArgumentException("The option hub is required with connectionString");
            }
            option("connectionString", () -> ConnectionString.parse(connectionString));
            option("hub", () -> Names.requireHub(hub));
        }
        if (clientAccessUrl != null && !clientAccessUrl.matches("(?i)wss?://.+")) {
            throw new IllegalArgumentException("Invalid option clientAccessUrl: it must be a ws:// or wss:// URL");
        }
        option("protocol", this::protocol);
        option("protocol", () -> {
            try {
                protocol().requireSupport();
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        });
        option("ackMode", this::ackModeValue);
        option("proxyType", this::proxyTypeValue);
        option("stateLockMode", this::stateLockModeValue);
        if (sslContextParameters != null) {
            option("sslContextParameters", () -> TlsOptions.check(sslContextParameters));
        }
        if (stateFile != null && stateRepository != null) {
            throw new IllegalArgumentException("Invalid option stateRepository: set stateFile or stateRepository, not both");
        }
        if ((stateFile != null || stateRepository != null) && !protocol().reliable()) {
            throw new IllegalArgumentException("Invalid option " + (stateFile != null ? "stateFile" : "stateRepository")
                    + ": a connection's recovery state needs protocol json.reliable or protobuf.reliable, not " + protocol);
        }
        if (concurrentConsumers < 1) {
            throw new IllegalArgumentException("Invalid option concurrentConsumers: it must be at least 1, was "
                    + concurrentConsumers);
        }
        option("dataType", this::dataType);
        if (hasGroup()) {
            try {
                Names.requireGroup(group);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid group in the endpoint path: " + e.getMessage());
            }
        }
        if (events != null) {
            WebPubSubEventType.parse(events);
        }
        if (event != null && event.isBlank()) {
            throw new IllegalArgumentException("Invalid option event: it must not be blank");
        }
    }

    /** Runs one option's check, naming the option in its failure. */
    private static void option(String name, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid option " + name + ": " + e.getMessage());
        }
    }

    /** A short name for the connection in thread names and logs: the hub and user, never a secret. */
    String connectionName() {
        String name = hub != null ? hub : "hub";
        return userId == null ? name : name + "/" + userId;
    }

    /** The proxy type named by the proxyType option. */
    public ProxyType proxyTypeValue() {
        try {
            return ProxyType.valueOf(proxyType.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown proxyType '" + proxyType + "': expected HTTP, SOCKS4 or SOCKS5");
        }
    }

    /** The lock mode named by the stateLockMode option. */
    public StateLockMode stateLockModeValue() {
        if ("wait".equalsIgnoreCase(stateLockMode)) {
            return StateLockMode.WAIT;
        }
        if ("newConnection".equalsIgnoreCase(stateLockMode) || "new_connection".equalsIgnoreCase(stateLockMode)) {
            return StateLockMode.NEW_CONNECTION;
        }
        throw new IllegalArgumentException("Unknown stateLockMode '" + stateLockMode + "': expected wait or newConnection");
    }

    /** Whether the connection keeps its recovery state for the next start. */
    public boolean keepsConnectionState() {
        return stateFile != null || stateRepository != null;
    }

    /** The ackMode option's name for a mode, the inverse of {@link #ackModeValue()}. */
    static String optionName(AckMode mode) {
        return mode == AckMode.ON_RECEIPT ? "onReceipt" : "afterProcessing";
    }

    /** The stateLockMode option's name for a mode, the inverse of {@link #stateLockModeValue()}. */
    static String optionName(StateLockMode mode) {
        return mode == StateLockMode.NEW_CONNECTION ? "newConnection" : "wait";
    }

    /** The acknowledgement mode named by the ackMode option. */
    public AckMode ackModeValue() {
        if ("afterProcessing".equalsIgnoreCase(ackMode) || "after_processing".equalsIgnoreCase(ackMode)) {
            return AckMode.AFTER_PROCESSING;
        }
        if ("onReceipt".equalsIgnoreCase(ackMode) || "on_receipt".equalsIgnoreCase(ackMode)) {
            return AckMode.ON_RECEIPT;
        }
        throw new IllegalArgumentException("Unknown ackMode '" + ackMode + "': expected afterProcessing or onReceipt");
    }

    /** The subprotocol named by the protocol option. */
    public WebPubSubProtocol protocol() {
        return WebPubSubProtocol.fromName(protocol);
    }

    /** The data type named by the dataType option, or {@code null} to follow the body. */
    public DataType dataType() {
        return dataType == null || dataType.isEmpty() ? null : DataType.fromWireName(dataType);
    }

    /** The roles option as a list. */
    public List<String> roleList() {
        return roles == null || roles.isBlank() ? List.of()
                : Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    /** The events a consumer of this endpoint receives: the events option, or the default for the path. */
    public Set<WebPubSubEventType> consumerEvents() {
        if (events != null && !events.isBlank()) {
            return WebPubSubEventType.parse(events);
        }
        return Set.of(hasGroup() ? WebPubSubEventType.GROUP_MESSAGE : WebPubSubEventType.SERVER_MESSAGE);
    }

    /** Whether the path names a group. */
    public boolean hasGroup() {
        return group != null && !group.isEmpty();
    }

    /** The settings that make endpoints share a connection: every option that shapes the client. */
    ConnectionKey connectionKey() {
        return ConnectionKey.of(this);
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getConnectionString() {
        return connectionString;
    }

    public void setConnectionString(String connectionString) {
        this.connectionString = connectionString;
    }

    public String getHub() {
        return hub;
    }

    public void setHub(String hub) {
        this.hub = hub;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getRoles() {
        return roles;
    }

    public void setRoles(String roles) {
        this.roles = roles;
    }

    public long getTokenLifetime() {
        return tokenLifetime;
    }

    public void setTokenLifetime(long tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    public String getClientAccessUrl() {
        return clientAccessUrl;
    }

    public void setClientAccessUrl(String clientAccessUrl) {
        this.clientAccessUrl = clientAccessUrl;
    }

    public ClientAccessUrlProvider getClientAccessUrlProvider() {
        return clientAccessUrlProvider;
    }

    public void setClientAccessUrlProvider(ClientAccessUrlProvider clientAccessUrlProvider) {
        this.clientAccessUrlProvider = clientAccessUrlProvider;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public boolean isAutoReconnect() {
        return autoReconnect;
    }

    public void setAutoReconnect(boolean autoReconnect) {
        this.autoReconnect = autoReconnect;
    }

    public boolean isAutoRejoinGroups() {
        return autoRejoinGroups;
    }

    public void setAutoRejoinGroups(boolean autoRejoinGroups) {
        this.autoRejoinGroups = autoRejoinGroups;
    }

    public long getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(long reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public long getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(long maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public int getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public void setMaxReconnectAttempts(int maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public long getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(long keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public long getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(long idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public String getAckMode() {
        return ackMode;
    }

    public void setAckMode(String ackMode) {
        this.ackMode = ackMode;
    }

    public long getRecoveryWindow() {
        return recoveryWindow;
    }

    public void setRecoveryWindow(long recoveryWindow) {
        this.recoveryWindow = recoveryWindow;
    }

    public long getRecoveryDelay() {
        return recoveryDelay;
    }

    public void setRecoveryDelay(long recoveryDelay) {
        this.recoveryDelay = recoveryDelay;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public boolean isRetryOnAuthFailure() {
        return retryOnAuthFailure;
    }

    public void setRetryOnAuthFailure(boolean retryOnAuthFailure) {
        this.retryOnAuthFailure = retryOnAuthFailure;
    }

    public long getAuthFailureRetryDelay() {
        return authFailureRetryDelay;
    }

    public void setAuthFailureRetryDelay(long authFailureRetryDelay) {
        this.authFailureRetryDelay = authFailureRetryDelay;
    }

    public int getMaxInFlightSends() {
        return maxInFlightSends;
    }

    public void setMaxInFlightSends(int maxInFlightSends) {
        this.maxInFlightSends = maxInFlightSends;
    }

    public int getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(int concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public long getSequenceAckInterval() {
        return sequenceAckInterval;
    }

    public void setSequenceAckInterval(long sequenceAckInterval) {
        this.sequenceAckInterval = sequenceAckInterval;
    }

    public int getSequenceAckBatch() {
        return sequenceAckBatch;
    }

    public void setSequenceAckBatch(int sequenceAckBatch) {
        this.sequenceAckBatch = sequenceAckBatch;
    }

    public int getReceiveBufferMessages() {
        return receiveBufferMessages;
    }

    public void setReceiveBufferMessages(int receiveBufferMessages) {
        this.receiveBufferMessages = receiveBufferMessages;
    }

    public long getReceiveBufferBytes() {
        return receiveBufferBytes;
    }

    public void setReceiveBufferBytes(long receiveBufferBytes) {
        this.receiveBufferBytes = receiveBufferBytes;
    }

    public int getReceiveQueueCapacity() {
        return receiveQueueCapacity;
    }

    public void setReceiveQueueCapacity(int receiveQueueCapacity) {
        this.receiveQueueCapacity = receiveQueueCapacity;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public WebSocketClientOptions getWebSocketOptions() {
        return webSocketOptions;
    }

    public void setWebSocketOptions(WebSocketClientOptions webSocketOptions) {
        this.webSocketOptions = webSocketOptions;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyType() {
        return proxyType;
    }

    public void setProxyType(String proxyType) {
        this.proxyType = proxyType;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public WebPubSubOperation getOperation() {
        return operation;
    }

    public void setOperation(WebPubSubOperation operation) {
        this.operation = operation;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getDataType() {
        return dataType;
    }

    public void setDataType(String dataType) {
        this.dataType = dataType;
    }

    public boolean isNoEcho() {
        return noEcho;
    }

    public void setNoEcho(boolean noEcho) {
        this.noEcho = noEcho;
    }

    public boolean isFireAndForget() {
        return fireAndForget;
    }

    public void setFireAndForget(boolean fireAndForget) {
        this.fireAndForget = fireAndForget;
    }

    public int getMaxInvocations() {
        return maxInvocations;
    }

    public void setMaxInvocations(int maxInvocations) {
        this.maxInvocations = maxInvocations;
    }

    public long getInvokeTimeout() {
        return invokeTimeout;
    }

    public void setInvokeTimeout(long invokeTimeout) {
        this.invokeTimeout = invokeTimeout;
    }

    public long getAckTimeout() {
        return ackTimeout;
    }

    public void setAckTimeout(long ackTimeout) {
        this.ackTimeout = ackTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public int getMaxQueuedSends() {
        return maxQueuedSends;
    }

    public void setMaxQueuedSends(int maxQueuedSends) {
        this.maxQueuedSends = maxQueuedSends;
    }

    public long getQueuedSendTimeout() {
        return queuedSendTimeout;
    }

    public void setQueuedSendTimeout(long queuedSendTimeout) {
        this.queuedSendTimeout = queuedSendTimeout;
    }

    public String getStateFile() {
        return stateFile;
    }

    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateLockMode() {
        return stateLockMode;
    }

    public void setStateLockMode(String stateLockMode) {
        this.stateLockMode = stateLockMode;
    }
}
