package io.github.webpubsub.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * Everything a {@link WebPubSubClient} can be told. Only the credential is required. Every default is a
 * {@code DEFAULT_*} constant here, the one place it is written, and follows the Web PubSub client spec or the
 * behaviour of Microsoft's SDKs where they agree.
 * <p>
 * Transport settings (TLS key and trust stores, host verification, proxies of any type, timeouts, frame sizes) are
 * Vert.x's own {@link WebSocketClientOptions}, passed through whole.
 */
public final class WebPubSubClientOptions {

    /** The protocol by default: {@link WebPubSubProtocol#JSON_RELIABLE}. */
    public static final WebPubSubProtocol DEFAULT_PROTOCOL = WebPubSubProtocol.JSON_RELIABLE;
    /** The default of {@link #getAckTimeout()}. */
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(30);
    /** The default of {@link #getMaxRetries()}. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** The default of {@link #getRetryDelay()}. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(800);
    /** The default of {@link #getMaxRetryDelay()}. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(8);
    /** The default of {@link #getInvokeTimeout()}: the service's own limit on an event handler call. */
    public static final Duration DEFAULT_INVOKE_TIMEOUT = Duration.ofSeconds(30);
    /** The default of {@link #getMaxInvocations()}. */
    public static final int DEFAULT_MAX_INVOCATIONS = 1000;
    /** The default of {@link #getMaxInFlightSends()}. */
    public static final int DEFAULT_MAX_IN_FLIGHT_SENDS = 4096;
    /** The default of {@link #getMaxQueuedSends()}. */
    public static final int DEFAULT_MAX_QUEUED_SENDS = 1000;
    /** The default of {@link #getQueuedSendTimeout()}. */
    public static final Duration DEFAULT_QUEUED_SEND_TIMEOUT = Duration.ofSeconds(30);
    /** The default of {@link #isAutoReconnect()}. */
    public static final boolean DEFAULT_AUTO_RECONNECT = true;
    /** The default of {@link #isAutoRejoinGroups()}. */
    public static final boolean DEFAULT_AUTO_REJOIN_GROUPS = true;
    /** The default of {@link #getReconnectDelay()}. */
    public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(1);
    /** The default of {@link #getMaxReconnectDelay()}. */
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(30);
    /** The default of {@link #getMaxReconnectAttempts()}. */
    public static final int DEFAULT_MAX_RECONNECT_ATTEMPTS = -1;
    /** The default of {@link #isRetryOnAuthFailure()}. */
    public static final boolean DEFAULT_RETRY_ON_AUTH_FAILURE = false;
    /** The default of {@link #getAuthFailureRetryDelay()}. */
    public static final Duration DEFAULT_AUTH_FAILURE_RETRY_DELAY = Duration.ofMinutes(5);
    /** The default of {@link #getRecoveryWindow()}. */
    public static final Duration DEFAULT_RECOVERY_WINDOW = Duration.ofSeconds(30);
    /** The default of {@link #getRecoveryDelay()}. */
    public static final Duration DEFAULT_RECOVERY_DELAY = Duration.ofSeconds(1);
    /** The default of {@link #getConnectTimeout()}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** The default of {@link #getSequenceAckInterval()}. */
    public static final Duration DEFAULT_SEQUENCE_ACK_INTERVAL = Duration.ofSeconds(1);
    /** The default of {@link #getSequenceAckBatch()}. */
    public static final int DEFAULT_SEQUENCE_ACK_BATCH = 100;
    /** The default of {@link #getReceiveQueueCapacity()}. */
    public static final int DEFAULT_RECEIVE_QUEUE_CAPACITY = 256;
    /** The default of {@link #getPingInterval()}. */
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    /** The default of {@link #getIdleTimeout()}. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);
    /** The default of {@link #getAckMode()}. */
    public static final AckMode DEFAULT_ACK_MODE = AckMode.AFTER_PROCESSING;
    /** The default of {@link #getReceiveBufferMessages()}: at 13,000 messages/s, about four seconds of a burst. */
    public static final int DEFAULT_RECEIVE_BUFFER_MESSAGES = 50_000;
    /** The default of {@link #getReceiveBufferBytes()}: 64 MiB. */
    public static final long DEFAULT_RECEIVE_BUFFER_BYTES = 64L * 1024 * 1024;
    /** The default of {@link #getStateLockMode()}. */
    public static final StateLockMode DEFAULT_STATE_LOCK_MODE = StateLockMode.WAIT;
    /** How many unacknowledged messages the service keeps per connection before it closes it (SlowClient). */
    public static final int SERVICE_UNACKED_LIMIT = 1000;
    /** A 1 MB message is base64-encoded in a JSON frame, so the default frame and message limit is well above that. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    /** How long a close handshake may take by default before the TCP connection is closed anyway, in seconds. */
    public static final int DEFAULT_CLOSING_TIMEOUT_SECONDS = 2;

    private ClientAccessUrlProvider credential;
    private WebPubSubProtocol protocol = DEFAULT_PROTOCOL;
    private Vertx vertx;
    private Executor deliveryExecutor;
    private Executor completionExecutor;
    private WebSocketClientOptions webSocketOptions = defaultWebSocketOptions();
    private AckMode ackMode = DEFAULT_ACK_MODE;
    private ConnectionStateStore connectionStateStore;
    private StateLockMode stateLockMode = DEFAULT_STATE_LOCK_MODE;
    private int receiveBufferMessages = DEFAULT_RECEIVE_BUFFER_MESSAGES;
    private long receiveBufferBytes = DEFAULT_RECEIVE_BUFFER_BYTES;
    private Duration ackTimeout = DEFAULT_ACK_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration retryDelay = DEFAULT_RETRY_DELAY;
    private Duration maxRetryDelay = DEFAULT_MAX_RETRY_DELAY;
    private int maxInFlightSends = DEFAULT_MAX_IN_FLIGHT_SENDS;
    private Duration invokeTimeout = DEFAULT_INVOKE_TIMEOUT;
    private int maxInvocations = DEFAULT_MAX_INVOCATIONS;
    private int maxQueuedSends = DEFAULT_MAX_QUEUED_SENDS;
    private Duration queuedSendTimeout = DEFAULT_QUEUED_SEND_TIMEOUT;
    private boolean autoReconnect = DEFAULT_AUTO_RECONNECT;
    private boolean autoRejoinGroups = DEFAULT_AUTO_REJOIN_GROUPS;
    private Duration reconnectDelay = DEFAULT_RECONNECT_DELAY;
    private Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;
    private int maxReconnectAttempts = DEFAULT_MAX_RECONNECT_ATTEMPTS;
    private boolean retryOnAuthFailure = DEFAULT_RETRY_ON_AUTH_FAILURE;
    private Duration authFailureRetryDelay = DEFAULT_AUTH_FAILURE_RETRY_DELAY;
    private Duration recoveryWindow = DEFAULT_RECOVERY_WINDOW;
    private Duration recoveryDelay = DEFAULT_RECOVERY_DELAY;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration sequenceAckInterval = DEFAULT_SEQUENCE_ACK_INTERVAL;
    private int sequenceAckBatch = DEFAULT_SEQUENCE_ACK_BATCH;
    private int receiveQueueCapacity = DEFAULT_RECEIVE_QUEUE_CAPACITY;
    private Duration pingInterval = DEFAULT_PING_INTERVAL;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

    /** Options with every default and the given credential. */
    public static WebPubSubClientOptions of(ClientAccessUrlProvider credential) {
        return new WebPubSubClientOptions().setCredential(credential);
    }

    /**
     * The transport settings the client starts from when none are given: frames and messages up to
     * {@link #DEFAULT_MAX_MESSAGE_BYTES}, a closing timeout of {@link #DEFAULT_CLOSING_TIMEOUT_SECONDS}, host names
     * verified. A fresh copy on every call.
     */
    public static WebSocketClientOptions defaultWebSocketOptions() {
        return new WebSocketClientOptions()
                .setMaxFrameSize(DEFAULT_MAX_MESSAGE_BYTES)
                .setMaxMessageSize(DEFAULT_MAX_MESSAGE_BYTES)
                .setClosingTimeout(DEFAULT_CLOSING_TIMEOUT_SECONDS)
                .setVerifyHost(true);
    }

    /** Where client access URLs come from: a fixed URL, a {@link ConnectionStringCredential}, or your own. */
    public ClientAccessUrlProvider getCredential() {
        return credential;
    }

    /** Sets {@link #getCredential()}; returns these options. */
    public WebPubSubClientOptions setCredential(ClientAccessUrlProvider credential) {
        this.credential = credential;
        return this;
    }

    /** The subprotocol; {@link #DEFAULT_PROTOCOL} by default. */
    public WebPubSubProtocol getProtocol() {
        return protocol;
    }

    /** Sets {@link #getProtocol()}; returns these options. */
    public WebPubSubClientOptions setProtocol(WebPubSubProtocol protocol) {
        this.protocol = protocol;
        return this;
    }

    /** The Vert.x instance to run on; by default the client creates its own and closes it on {@code close()}. */
    public Vertx getVertx() {
        return vertx;
    }

    /** Sets {@link #getVertx()}; returns these options. */
    public WebPubSubClientOptions setVertx(Vertx vertx) {
        this.vertx = vertx;
        return this;
    }

    /**
     * The threads that complete the futures this client returns (sends, joins, start and stop): never its event loop.
     * The client hands them completions in batches, a socket read's worth at a time, in order. By default, Vert.x's
     * worker pool; give your own so that code chained on the futures runs on your threads without another hop.
     * It must not run a task on the submitting thread when it is busy (a caller-runs policy would run your code on
     * the event loop). The client does not shut it down.
     */
    public Executor getCompletionExecutor() {
        return completionExecutor;
    }

    /** Sets {@link #getCompletionExecutor()}; returns these options. */
    public WebPubSubClientOptions setCompletionExecutor(Executor completionExecutor) {
        this.completionExecutor = completionExecutor;
        return this;
    }

    /**
     * The threads that run this client's listeners. The client hands them its events one at a time and in order, so
     * any executor will do, including a shared pool: no two events of one client run at once, and a slow listener of
     * one client never delays another's. By default, Vert.x's worker pool. The client does not shut it down.
     */
    public Executor getDeliveryExecutor() {
        return deliveryExecutor;
    }

    /** Sets {@link #getDeliveryExecutor()}; returns these options. */
    public WebPubSubClientOptions setDeliveryExecutor(Executor deliveryExecutor) {
        this.deliveryExecutor = deliveryExecutor;
        return this;
    }

    /**
     * The WebSocket transport settings, passed to Vert.x whole: TLS ({@code setSsl} is implied by a {@code wss} URL;
     * trust and key stores, host verification, protocols and cipher suites), proxies of any type, connect and idle
     * timeouts, frame and message sizes. {@link #defaultWebSocketOptions()} by default. The connect timeout of each
     * handshake is {@link #getConnectTimeout()}, whatever these say.
     */
    public WebSocketClientOptions getWebSocketOptions() {
        return webSocketOptions;
    }

    /** Sets {@link #getWebSocketOptions()} (a copy is kept); returns these options. */
    public WebPubSubClientOptions setWebSocketOptions(WebSocketClientOptions webSocketOptions) {
        this.webSocketOptions = webSocketOptions == null ? null : new WebSocketClientOptions(webSocketOptions);
        return this;
    }

    /**
     * When received messages are acknowledged to a reliable service: after the listeners have handled them, or on
     * receipt into a bounded buffer. See {@link AckMode}; {@link #DEFAULT_ACK_MODE} by default.
     */
    public AckMode getAckMode() {
        return ackMode;
    }

    /** Sets {@link #getAckMode()}; returns these options. */
    public WebPubSubClientOptions setAckMode(AckMode ackMode) {
        this.ackMode = ackMode;
        return this;
    }

    /**
     * Where the client keeps its reliable connection's {@link ConnectionState}, so that a process restarted within the
     * recovery window takes the connection back: the service then sends again everything the client had not
     * acknowledged, and what the stored state says was acknowledged is dropped as a duplicate. Written when the
     * connection or its token changes and with every sequenceAck. With a store, {@link WebPubSubClient#close()} leaves
     * the connection for the next process to take (closing with 1001, going away, after a last sequenceAck) instead of
     * ending it. Unset by default: nothing survives the process.
     */
    public ConnectionStateStore getConnectionStateStore() {
        return connectionStateStore;
    }

    /** Sets {@link #getConnectionStateStore()}; returns these options. */
    public WebPubSubClientOptions setConnectionStateStore(ConnectionStateStore connectionStateStore) {
        this.connectionStateStore = connectionStateStore;
        return this;
    }

    /**
     * What the client does at start when another live client holds the state store's lock: wait for it, or open a
     * connection of its own without the stored state. {@link #DEFAULT_STATE_LOCK_MODE} by default.
     */
    public StateLockMode getStateLockMode() {
        return stateLockMode;
    }

    /** Sets {@link #getStateLockMode()}; returns these options. */
    public WebPubSubClientOptions setStateLockMode(StateLockMode stateLockMode) {
        this.stateLockMode = stateLockMode;
        return this;
    }

    /**
     * With {@link AckMode#ON_RECEIPT}: how many received messages the client holds for its listeners and has already
     * acknowledged; past that, messages are acknowledged once handled. {@link #DEFAULT_RECEIVE_BUFFER_MESSAGES} by
     * default.
     */
    public int getReceiveBufferMessages() {
        return receiveBufferMessages;
    }

    /** Sets {@link #getReceiveBufferMessages()}; returns these options. */
    public WebPubSubClientOptions setReceiveBufferMessages(int receiveBufferMessages) {
        this.receiveBufferMessages = receiveBufferMessages;
        return this;
    }

    /**
     * With {@link AckMode#ON_RECEIPT}: how many bytes of data (characters for text and JSON) that buffer holds at
     * most. {@link #DEFAULT_RECEIVE_BUFFER_BYTES} by default.
     */
    public long getReceiveBufferBytes() {
        return receiveBufferBytes;
    }

    /** Sets {@link #getReceiveBufferBytes()}; returns these options. */
    public WebPubSubClientOptions setReceiveBufferBytes(long receiveBufferBytes) {
        this.receiveBufferBytes = receiveBufferBytes;
        return this;
    }

    /** How long to wait for the ack of one attempt before retrying it; {@link #DEFAULT_ACK_TIMEOUT} by default. */
    public Duration getAckTimeout() {
        return ackTimeout;
    }

    /** Sets {@link #getAckTimeout()}; returns these options. */
    public WebPubSubClientOptions setAckTimeout(Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
        return this;
    }

    /**
     * How many times a request is sent again after a transient failure (connection lost before the ack, ack timeout,
     * {@code InternalServerError}); 0 for none; {@link #DEFAULT_MAX_RETRIES} by default.
     */
    public int getMaxRetries() {
        return maxRetries;
    }

    /** Sets {@link #getMaxRetries()}; returns these options. */
    public WebPubSubClientOptions setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
        return this;
    }

    /** The delay before the first retry, doubled each time with jitter; {@link #DEFAULT_RETRY_DELAY} by default. */
    public Duration getRetryDelay() {
        return retryDelay;
    }

    /** Sets {@link #getRetryDelay()}; returns these options. */
    public WebPubSubClientOptions setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
        return this;
    }

    /** The longest delay between retries; {@link #DEFAULT_MAX_RETRY_DELAY} by default. */
    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    /** Sets {@link #getMaxRetryDelay()}; returns these options. */
    public WebPubSubClientOptions setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
        return this;
    }

    /**
     * How many acked requests may await their acks on the connection at once; more wait in the send queue until acks
     * come back. Large enough for full pipelining; {@link #DEFAULT_MAX_IN_FLIGHT_SENDS} by default.
     */
    public int getMaxInFlightSends() {
        return maxInFlightSends;
    }

    /** Sets {@link #getMaxInFlightSends()}; returns these options. */
    public WebPubSubClientOptions setMaxInFlightSends(int maxInFlightSends) {
        this.maxInFlightSends = maxInFlightSends;
        return this;
    }

    /**
     * How long {@link WebPubSubClient#invokeEvent(String, MessageData)} waits for the answer before it fails with
     * {@link InvocationFailedException#TIMEOUT} and sends {@code cancelInvocation}; {@link #DEFAULT_INVOKE_TIMEOUT}
     * by default.
     */
    public Duration getInvokeTimeout() {
        return invokeTimeout;
    }

    /** Sets {@link #getInvokeTimeout()}; returns these options. */
    public WebPubSubClientOptions setInvokeTimeout(Duration invokeTimeout) {
        this.invokeTimeout = invokeTimeout;
        return this;
    }

    /**
     * How many invocations may wait for their answers at once; more fail at once with
     * {@link InvocationFailedException#TOO_MANY_INVOCATIONS}. {@link #DEFAULT_MAX_INVOCATIONS} by default.
     */
    public int getMaxInvocations() {
        return maxInvocations;
    }

    /** Sets {@link #getMaxInvocations()}; returns these options. */
    public WebPubSubClientOptions setMaxInvocations(int maxInvocations) {
        this.maxInvocations = maxInvocations;
        return this;
    }

    /**
     * How many requests may wait in the send queue (for a connection, for room in flight, or for the socket's write
     * queue to drain) before new ones fail with {@code QueueFull}; {@link #DEFAULT_MAX_QUEUED_SENDS} by default.
     */
    public int getMaxQueuedSends() {
        return maxQueuedSends;
    }

    /** Sets {@link #getMaxQueuedSends()}; returns these options. */
    public WebPubSubClientOptions setMaxQueuedSends(int maxQueuedSends) {
        this.maxQueuedSends = maxQueuedSends;
        return this;
    }

    /**
     * How long a request may wait in the send queue before it fails; {@link #DEFAULT_QUEUED_SEND_TIMEOUT} by default.
     */
    public Duration getQueuedSendTimeout() {
        return queuedSendTimeout;
    }

    /** Sets {@link #getQueuedSendTimeout()}; returns these options. */
    public WebPubSubClientOptions setQueuedSendTimeout(Duration queuedSendTimeout) {
        this.queuedSendTimeout = queuedSendTimeout;
        return this;
    }

    /**
     * Whether a connection that cannot be recovered is replaced by a new one; {@link #DEFAULT_AUTO_RECONNECT} by
     * default.
     */
    public boolean isAutoReconnect() {
        return autoReconnect;
    }

    /** Sets {@link #isAutoReconnect()}; returns these options. */
    public WebPubSubClientOptions setAutoReconnect(boolean autoReconnect) {
        this.autoReconnect = autoReconnect;
        return this;
    }

    /**
     * Whether a new connection joins the groups the client had joined; {@link #DEFAULT_AUTO_REJOIN_GROUPS} by default.
     */
    public boolean isAutoRejoinGroups() {
        return autoRejoinGroups;
    }

    /** Sets {@link #isAutoRejoinGroups()}; returns these options. */
    public WebPubSubClientOptions setAutoRejoinGroups(boolean autoRejoinGroups) {
        this.autoRejoinGroups = autoRejoinGroups;
        return this;
    }

    /**
     * The delay before the first new-connection attempt, doubled each time with jitter; {@link
     * #DEFAULT_RECONNECT_DELAY} by default.
     */
    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    /** Sets {@link #getReconnectDelay()}; returns these options. */
    public WebPubSubClientOptions setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
        return this;
    }

    /** The longest delay between new-connection attempts; {@link #DEFAULT_MAX_RECONNECT_DELAY} by default. */
    public Duration getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** Sets {@link #getMaxReconnectDelay()}; returns these options. */
    public WebPubSubClientOptions setMaxReconnectDelay(Duration maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
        return this;
    }

    /**
     * How many failed new-connection attempts in a row are tolerated before the client stops; -1 for no limit. Also
     * applies to the first connection after {@code start()}; {@link #DEFAULT_MAX_RECONNECT_ATTEMPTS} by default.
     */
    public int getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    /** Sets {@link #getMaxReconnectAttempts()}; returns these options. */
    public WebPubSubClientOptions setMaxReconnectAttempts(int maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
        return this;
    }

    /**
     * Whether to keep trying after the service rejects the handshake with 401 or 403; when false the client stops with
     * the reason, when true attempts are spaced by the auth failure retry delay; {@link
     * #DEFAULT_RETRY_ON_AUTH_FAILURE} by default.
     */
    public boolean isRetryOnAuthFailure() {
        return retryOnAuthFailure;
    }

    /** Sets {@link #isRetryOnAuthFailure()}; returns these options. */
    public WebPubSubClientOptions setRetryOnAuthFailure(boolean retryOnAuthFailure) {
        this.retryOnAuthFailure = retryOnAuthFailure;
        return this;
    }

    /**
     * The delay between attempts after a rejected handshake, when those are retried; {@link
     * #DEFAULT_AUTH_FAILURE_RETRY_DELAY} by default.
     */
    public Duration getAuthFailureRetryDelay() {
        return authFailureRetryDelay;
    }

    /** Sets {@link #getAuthFailureRetryDelay()}; returns these options. */
    public WebPubSubClientOptions setAuthFailureRetryDelay(Duration authFailureRetryDelay) {
        this.authFailureRetryDelay = authFailureRetryDelay;
        return this;
    }

    /**
     * How long after a drop a reliable connection is still recovered, counted from the first drop across all attempts;
     * the service keeps a dropped connection at least this long; {@link #DEFAULT_RECOVERY_WINDOW} by default.
     */
    public Duration getRecoveryWindow() {
        return recoveryWindow;
    }

    /** Sets {@link #getRecoveryWindow()}; returns these options. */
    public WebPubSubClientOptions setRecoveryWindow(Duration recoveryWindow) {
        this.recoveryWindow = recoveryWindow;
        return this;
    }

    /**
     * The least time between two recovery attempts, as in every Microsoft SDK. A recovered socket that closes again
     * sooner than this does not restart the recovery window; {@link #DEFAULT_RECOVERY_DELAY} by default.
     */
    public Duration getRecoveryDelay() {
        return recoveryDelay;
    }

    /** Sets {@link #getRecoveryDelay()}; returns these options. */
    public WebPubSubClientOptions setRecoveryDelay(Duration recoveryDelay) {
        this.recoveryDelay = recoveryDelay;
        return this;
    }

    /**
     * How long a WebSocket handshake, and the service's {@code connected} after it, may take; {@link
     * #DEFAULT_CONNECT_TIMEOUT} by default.
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets {@link #getConnectTimeout()}; returns these options. */
    public WebPubSubClientOptions setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /**
     * How often handled messages are acknowledged to a reliable service; {@link #DEFAULT_SEQUENCE_ACK_INTERVAL} by
     * default.
     */
    public Duration getSequenceAckInterval() {
        return sequenceAckInterval;
    }

    /** Sets {@link #getSequenceAckInterval()}; returns these options. */
    public WebPubSubClientOptions setSequenceAckInterval(Duration sequenceAckInterval) {
        this.sequenceAckInterval = sequenceAckInterval;
        return this;
    }

    /**
     * Also acknowledge after this many handled messages, so a burst never fills the service's 1000-message buffer;
     * while the service holds this many or more unacknowledged (listeners behind), every tenth of it.
     * {@link #DEFAULT_SEQUENCE_ACK_BATCH} by default.
     */
    public int getSequenceAckBatch() {
        return sequenceAckBatch;
    }

    /** Sets {@link #getSequenceAckBatch()}; returns these options. */
    public WebPubSubClientOptions setSequenceAckBatch(int sequenceAckBatch) {
        this.sequenceAckBatch = sequenceAckBatch;
        return this;
    }

    /**
     * On the non-reliable {@code json} protocol: how many received messages may wait for the listeners; when full,
     * the client stops reading from the socket until half have been handled. {@link #DEFAULT_RECEIVE_QUEUE_CAPACITY}
     * by default. A reliable connection never stops reading: the service itself bounds what it sends ahead of the
     * acks, and a paused socket would hide the service closing it.
     */
    public int getReceiveQueueCapacity() {
        return receiveQueueCapacity;
    }

    /** Sets {@link #getReceiveQueueCapacity()}; returns these options. */
    public WebPubSubClientOptions setReceiveQueueCapacity(int receiveQueueCapacity) {
        this.receiveQueueCapacity = receiveQueueCapacity;
        return this;
    }

    /** How often a WebSocket ping is sent; zero for never; {@link #DEFAULT_PING_INTERVAL} by default. */
    public Duration getPingInterval() {
        return pingInterval;
    }

    /** Sets {@link #getPingInterval()}; returns these options. */
    public WebPubSubClientOptions setPingInterval(Duration pingInterval) {
        this.pingInterval = pingInterval;
        return this;
    }

    /**
     * How long the socket may stay silent (no message, no pong) before it counts as dropped; zero for no limit. Time
     * spent paused by back-pressure does not count; {@link #DEFAULT_IDLE_TIMEOUT} by default.
     */
    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    /** Sets {@link #getIdleTimeout()}; returns these options. */
    public WebPubSubClientOptions setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        return this;
    }

    /**
     * Checks every option.
     *
     * @throws IllegalArgumentException naming the first option that is missing or out of range
     */
    public WebPubSubClientOptions validate() {
        Objects.requireNonNull(credential, "credential: a client access URL provider is required");
        Objects.requireNonNull(protocol, "protocol");
        try {
            protocol.requireSupport();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Objects.requireNonNull(webSocketOptions, "webSocketOptions");
        Objects.requireNonNull(ackMode, "ackMode");
        Objects.requireNonNull(stateLockMode, "stateLockMode");
        atLeast("receiveBufferMessages", receiveBufferMessages, 1);
        if (receiveBufferBytes < 1) {
            throw new IllegalArgumentException("receiveBufferBytes must be at least 1, was " + receiveBufferBytes);
        }
        positive("ackTimeout", ackTimeout);
        atLeast("maxRetries", maxRetries, 0);
        positive("retryDelay", retryDelay);
        positive("maxRetryDelay", maxRetryDelay);
        atLeast("maxInFlightSends", maxInFlightSends, 1);
        positive("invokeTimeout", invokeTimeout);
        atLeast("maxInvocations", maxInvocations, 1);
        atLeast("maxQueuedSends", maxQueuedSends, 0);
        positive("queuedSendTimeout", queuedSendTimeout);
        positive("reconnectDelay", reconnectDelay);
        positive("maxReconnectDelay", maxReconnectDelay);
        atLeast("maxReconnectAttempts", maxReconnectAttempts, -1);
        positive("authFailureRetryDelay", authFailureRetryDelay);
        positive("recoveryWindow", recoveryWindow);
        positive("recoveryDelay", recoveryDelay);
        positive("connectTimeout", connectTimeout);
        positive("sequenceAckInterval", sequenceAckInterval);
        atLeast("sequenceAckBatch", sequenceAckBatch, 1);
        atLeast("receiveQueueCapacity", receiveQueueCapacity, 1);
        notNegative("pingInterval", pingInterval);
        notNegative("idleTimeout", idleTimeout);
        return this;
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }

    private static void notNegative(String name, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or a positive duration, was " + value);
        }
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + value);
        }
    }
}
