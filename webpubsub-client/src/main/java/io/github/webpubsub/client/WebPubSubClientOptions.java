package io.github.webpubsub.client;

import java.time.Duration;
import java.util.Objects;

import io.vertx.core.Vertx;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.TrustOptions;

/**
 * Everything a {@link WebPubSubClient} can be told. Only the credential is required; every default follows the
 * Web PubSub client spec or the behaviour of Microsoft's SDKs where they agree, and is stated on its setter.
 */
public final class WebPubSubClientOptions {

    private ClientAccessUrlProvider credential;
    private WebPubSubProtocol protocol = WebPubSubProtocol.JSON_RELIABLE;
    private Vertx vertx;

    private Duration ackTimeout = Duration.ofSeconds(30);
    private int maxRetries = 3;
    private Duration retryDelay = Duration.ofMillis(800);
    private Duration maxRetryDelay = Duration.ofSeconds(8);
    private int maxQueuedSends = 1000;
    private Duration queuedSendTimeout = Duration.ofSeconds(30);

    private boolean autoReconnect = true;
    private boolean autoRejoinGroups = true;
    private Duration reconnectDelay = Duration.ofSeconds(1);
    private Duration maxReconnectDelay = Duration.ofSeconds(30);
    private int maxReconnectAttempts = -1;
    private boolean retryOnAuthFailure;
    private Duration authFailureRetryDelay = Duration.ofMinutes(5);
    private Duration recoveryWindow = Duration.ofSeconds(30);
    private Duration recoveryDelay = Duration.ofSeconds(1);
    private Duration connectTimeout = Duration.ofSeconds(30);

    private Duration sequenceAckInterval = Duration.ofSeconds(1);
    private int sequenceAckBatch = 100;
    private int receiveQueueCapacity = 256;
    private Duration pingInterval = Duration.ofSeconds(20);
    private Duration idleTimeout = Duration.ofSeconds(120);

    private TrustOptions trustOptions;
    private boolean verifyHost = true;
    private ProxyOptions proxyOptions;

    /** Options with every default and the given credential. */
    public static WebPubSubClientOptions of(ClientAccessUrlProvider credential) {
        return new WebPubSubClientOptions().setCredential(credential);
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

    /** The subprotocol; {@link WebPubSubProtocol#JSON_RELIABLE} by default. */
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

    /** How long to wait for the ack of one attempt before retrying it; 30 s by default. */
    public Duration getAckTimeout() {
        return ackTimeout;
    }

    /** Sets {@link #getAckTimeout()}; returns these options. */
    public WebPubSubClientOptions setAckTimeout(Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
        return this;
    }

    /**
     * How many times a request is sent again after a transient failure (connection lost before the ack, ack
     * timeout, {@code InternalServerError}); 3 by default, 0 for none.
     */
    public int getMaxRetries() {
        return maxRetries;
    }

    /** Sets {@link #getMaxRetries()}; returns these options. */
    public WebPubSubClientOptions setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
        return this;
    }

    /** The delay before the first retry, doubled each time with jitter; 800 ms by default. */
    public Duration getRetryDelay() {
        return retryDelay;
    }

    /** Sets {@link #getRetryDelay()}; returns these options. */
    public WebPubSubClientOptions setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
        return this;
    }

    /** The longest delay between retries; 8 s by default. */
    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    /** Sets {@link #getMaxRetryDelay()}; returns these options. */
    public WebPubSubClientOptions setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
        return this;
    }

    /** How many requests may wait for a connection while recovering or reconnecting; 1000 by default. */
    public int getMaxQueuedSends() {
        return maxQueuedSends;
    }

    /** Sets {@link #getMaxQueuedSends()}; returns these options. */
    public WebPubSubClientOptions setMaxQueuedSends(int maxQueuedSends) {
        this.maxQueuedSends = maxQueuedSends;
        return this;
    }

    /** How long a request may wait for a connection before it fails; 30 s by default. */
    public Duration getQueuedSendTimeout() {
        return queuedSendTimeout;
    }

    /** Sets {@link #getQueuedSendTimeout()}; returns these options. */
    public WebPubSubClientOptions setQueuedSendTimeout(Duration queuedSendTimeout) {
        this.queuedSendTimeout = queuedSendTimeout;
        return this;
    }

    /** Whether a connection that cannot be recovered is replaced by a new one; true by default. */
    public boolean isAutoReconnect() {
        return autoReconnect;
    }

    /** Sets {@link #isAutoReconnect()}; returns these options. */
    public WebPubSubClientOptions setAutoReconnect(boolean autoReconnect) {
        this.autoReconnect = autoReconnect;
        return this;
    }

    /** Whether a new connection joins the groups the client had joined; true by default. */
    public boolean isAutoRejoinGroups() {
        return autoRejoinGroups;
    }

    /** Sets {@link #isAutoRejoinGroups()}; returns these options. */
    public WebPubSubClientOptions setAutoRejoinGroups(boolean autoRejoinGroups) {
        this.autoRejoinGroups = autoRejoinGroups;
        return this;
    }

    /** The delay before the first new-connection attempt, doubled each time with jitter; 1 s by default. */
    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    /** Sets {@link #getReconnectDelay()}; returns these options. */
    public WebPubSubClientOptions setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
        return this;
    }

    /** The longest delay between new-connection attempts; 30 s by default. */
    public Duration getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** Sets {@link #getMaxReconnectDelay()}; returns these options. */
    public WebPubSubClientOptions setMaxReconnectDelay(Duration maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
        return this;
    }

    /**
     * How many failed new-connection attempts in a row are tolerated before the client stops; -1 (the default) for
     * no limit. Also applies to the first connection after {@code start()}.
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
     * Whether to keep trying after the service rejects the handshake with 401 or 403; false by default, which stops
     * the client with the reason. When true, attempts are spaced by {@link #getAuthFailureRetryDelay()}.
     */
    public boolean isRetryOnAuthFailure() {
        return retryOnAuthFailure;
    }

    /** Sets {@link #isRetryOnAuthFailure()}; returns these options. */
    public WebPubSubClientOptions setRetryOnAuthFailure(boolean retryOnAuthFailure) {
        this.retryOnAuthFailure = retryOnAuthFailure;
        return this;
    }

    /** The delay between attempts after a rejected handshake, when those are retried; 5 minutes by default. */
    public Duration getAuthFailureRetryDelay() {
        return authFailureRetryDelay;
    }

    /** Sets {@link #getAuthFailureRetryDelay()}; returns these options. */
    public WebPubSubClientOptions setAuthFailureRetryDelay(Duration authFailureRetryDelay) {
        this.authFailureRetryDelay = authFailureRetryDelay;
        return this;
    }

    /** How long after a drop a reliable connection is still recovered; 30 s by default, as the service keeps it. */
    public Duration getRecoveryWindow() {
        return recoveryWindow;
    }

    /** Sets {@link #getRecoveryWindow()}; returns these options. */
    public WebPubSubClientOptions setRecoveryWindow(Duration recoveryWindow) {
        this.recoveryWindow = recoveryWindow;
        return this;
    }

    /** The delay between recovery attempts; 1 s by default. */
    public Duration getRecoveryDelay() {
        return recoveryDelay;
    }

    /** Sets {@link #getRecoveryDelay()}; returns these options. */
    public WebPubSubClientOptions setRecoveryDelay(Duration recoveryDelay) {
        this.recoveryDelay = recoveryDelay;
        return this;
    }

    /** How long a WebSocket handshake, and the service's {@code connected} after it, may take; 30 s by default. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets {@link #getConnectTimeout()}; returns these options. */
    public WebPubSubClientOptions setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    /** How often delivered messages are acknowledged to a reliable service; 1 s by default. */
    public Duration getSequenceAckInterval() {
        return sequenceAckInterval;
    }

    /** Sets {@link #getSequenceAckInterval()}; returns these options. */
    public WebPubSubClientOptions setSequenceAckInterval(Duration sequenceAckInterval) {
        this.sequenceAckInterval = sequenceAckInterval;
        return this;
    }

    /**
     * Also acknowledge after this many delivered messages, so a burst never fills the service's 1000-message buffer;
     * 100 by default.
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
     * How many received messages may wait for the listeners; when full, the client stops reading from the socket
     * until half have been delivered. 256 by default.
     */
    public int getReceiveQueueCapacity() {
        return receiveQueueCapacity;
    }

    /** Sets {@link #getReceiveQueueCapacity()}; returns these options. */
    public WebPubSubClientOptions setReceiveQueueCapacity(int receiveQueueCapacity) {
        this.receiveQueueCapacity = receiveQueueCapacity;
        return this;
    }

    /** How often a WebSocket ping is sent; 20 s by default, zero for never. */
    public Duration getPingInterval() {
        return pingInterval;
    }

    /** Sets {@link #getPingInterval()}; returns these options. */
    public WebPubSubClientOptions setPingInterval(Duration pingInterval) {
        this.pingInterval = pingInterval;
        return this;
    }

    /**
     * How long the socket may stay silent (no message, no pong) before it counts as dropped; 120 s by default, zero
     * for no limit. Time spent paused by back-pressure does not count.
     */
    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    /** Sets {@link #getIdleTimeout()}; returns these options. */
    public WebPubSubClientOptions setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        return this;
    }

    /** Trusted certificates for {@code wss} beyond the JVM's default trust store; none by default. */
    public TrustOptions getTrustOptions() {
        return trustOptions;
    }

    /** Sets {@link #getTrustOptions()}; returns these options. */
    public WebPubSubClientOptions setTrustOptions(TrustOptions trustOptions) {
        this.trustOptions = trustOptions;
        return this;
    }

    /** Whether the server's certificate must match its host name; true by default. */
    public boolean isVerifyHost() {
        return verifyHost;
    }

    /** Sets {@link #isVerifyHost()}; returns these options. */
    public WebPubSubClientOptions setVerifyHost(boolean verifyHost) {
        this.verifyHost = verifyHost;
        return this;
    }

    /** An HTTP (CONNECT) or SOCKS proxy to reach the service through; none by default. */
    public ProxyOptions getProxyOptions() {
        return proxyOptions;
    }

    /** Sets {@link #getProxyOptions()}; returns these options. */
    public WebPubSubClientOptions setProxyOptions(ProxyOptions proxyOptions) {
        this.proxyOptions = proxyOptions;
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
        positive("ackTimeout", ackTimeout);
        atLeast("maxRetries", maxRetries, 0);
        positive("retryDelay", retryDelay);
        positive("maxRetryDelay", maxRetryDelay);
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
