package io.github.webpubsub.camel.springboot;

import java.time.Duration;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.webpubsub.camel.WebPubSubConfiguration;
import io.github.webpubsub.camel.WebPubSubOperation;
import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * The {@code webpubsub} component's options as Spring Boot properties under {@code camel.component.webpubsub}: the
 * defaults of every endpoint, as in {@code WebPubSubComponent}. Durations take Spring Boot's forms ({@code 10s},
 * {@code 500ms}, {@code PT1M}) as well as a number of milliseconds.
 * <p>
 * One field per option of the component's catalog metadata ({@code webpubsub.json}), with its description;
 * {@code WebPubSubComponentConfigurationTest} fails when the two disagree.
 */
@ConfigurationProperties(prefix = WebPubSubComponentConfiguration.PREFIX, ignoreUnknownFields = false)
public class WebPubSubComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /** The prefix of every property of the component. */
    public static final String PREFIX = "camel.component.webpubsub";

    /**
     * Whether a connection that cannot be recovered is replaced by a new one.
     */
    private Boolean autoReconnect = true;

    /**
     * Whether a new connection joins again the groups the old one had joined.
     */
    private Boolean autoRejoinGroups = true;

    /**
     * The defaults for every endpoint of this component. A bean reference: #name is the application context bean of
     * that name.
     */
    private WebPubSubConfiguration configuration;

    /**
     * The hub to connect to, with connectionString.
     */
    private String hub;

    /**
     * The subprotocol: json.reliable recovers dropped connections without losing messages; json does not.
     * protobuf.reliable and protobuf are the same in binary protobuf frames, and need com.google.protobuf:protobuf-java
     * 4.x on the class path: a protobuf Message body is sent as protobuf data, and received protobuf data is a
     * com.google.protobuf.Any. One of: json.reliable, json, protobuf.reliable, protobuf.
     */
    private String protocol = "json.reliable";

    /**
     * The user id of the connection, with connectionString.
     */
    private String userId;

    /**
     * When a received message is acknowledged to the service. afterProcessing: once the route, including its error
     * handling (redeliveries, dead letter channel), is done with the exchange, so nothing leaves the service that a
     * route has not processed; a route that falls 1000 messages behind its publishers gets the connection closed as
     * SlowClient, which is reported at once. onReceipt: as soon as it is in the connection's receive buffer (see
     * receiveBufferMessages and receiveBufferBytes), which absorbs bursts far beyond the service's limit, but what
     * is in that buffer is lost if the process dies. afterProcessing is the default because a bridge to Kafka or JMS
     * should let a message go only once the broker has it. One of: afterProcessing, onReceipt.
     */
    private String ackMode = "afterProcessing";

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * How many exchanges of this consumer may be processed at once. 1, the default, processes group messages one at
     * a time and in order. More processes them in parallel, out of order, on a thread pool of that size; they are
     * still acknowledged in order, each only once processed (with ackMode=afterProcessing), so nothing is lost.
     */
    private Integer concurrentConsumers = 1;

    /**
     * The events to receive, comma-separated: group-message, server-message, connected, disconnected, stopped,
     * rejoin-group-failed, recovering, recovered. By default group-message when the endpoint has a group, else
     * server-message. Lifecycle events carry the connection id and user id in headers, the close code (disconnected,
     * recovering) and the group (rejoin-group-failed) too; the reason (disconnected, recovering, stopped,
     * rejoin-group-failed) is in the CamelWebPubSubReason header and, as before, the body.
     */
    private String events;

    /**
     * A file where the connection keeps its recovery state (connectionId, reconnection token, the highest sequenceId
     * acknowledged), so that a bridge restarted within the recovery window takes its connection back and the service
     * sends it everything it had not acknowledged. Locked with an operating-system lock (stateFile.lock) while a
     * process holds it; see stateLockMode. With a state, stopping the last consumer of the connection (a route
     * stop, a clustered route policy that lost leadership, a CamelContext shutdown) leaves the connection, and its
     * groups, to the next start instead of ending it. Only consumers use the state: producers get a connection of
     * their own. Needs json.reliable. The file holds a secret (the token): keep it private.
     */
    private String stateFile;

    /**
     * What a process does when another live process holds the stateFile lock: wait until it is free, then take the
     * connection (wait), or open a connection of its own at once, without the stored state (newConnection). One of:
     * wait, newConnection.
     */
    private String stateLockMode = "wait";

    /**
     * With ackMode=onReceipt: how many bytes of message data (characters for text and JSON) that buffer holds.
     */
    private Long receiveBufferBytes = 67108864L;

    /**
     * With ackMode=onReceipt: how many received messages the connection holds for its routes, already acknowledged.
     */
    private Integer receiveBufferMessages = 50000;

    /**
     * On the json protocol only: how many received messages may wait for the routes before the connection stops
     * reading. A json.reliable connection never stops reading: the service bounds what it sends ahead of the acks.
     */
    private Integer receiveQueueCapacity = 256;

    /**
     * Also acknowledge as soon as this many more messages may be acknowledged, well within the service's limit of
     * 1000 unacknowledged messages; while the service holds this many or more unacknowledged (routes behind), as soon
     * as a tenth of it may be.
     */
    private Integer sequenceAckBatch = 100;

    /**
     * How often the connection acknowledges what may be acknowledged to a json.reliable service. A duration: 10s,
     * 500ms, PT1M, or a number of milliseconds.
     */
    private Duration sequenceAckInterval = Duration.ofSeconds(1);

    /**
     * Instead of stateFile: a Camel StateRepository bean (String keys and values) for the recovery state, for
     * example a shared store for a standby instance. Such a repository has no lock: make sure that only one live
     * process uses a state, for example with a clustered route policy. Camel's FileStateRepository logs the values
     * it writes at DEBUG, the reconnection token among them. A bean reference: #name is the application context bean
     * of that name.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * How long to wait for the service's ack of one attempt before retrying. A duration: 10s, 500ms, PT1M, or a
     * number of milliseconds.
     */
    private Duration ackTimeout = Duration.ofSeconds(30);

    /**
     * How the body is sent: text, json or binary. Unset, it follows the body: a String is text; a byte array,
     * ByteBuffer or InputStream is binary; anything else is serialized to JSON with Jackson. One of: text, json,
     * binary.
     */
    private String dataType;

    /**
     * The event name for the sendEvent and invokeEvent operations.
     */
    private String event;

    /**
     * Send without an ackId: the exchange completes when the frame is written, and the service reports no errors.
     */
    private Boolean fireAndForget = false;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * How many times a send is retried, with the same ackId, after a transient failure (connection lost before the
     * ack, no ack in time, InternalServerError). Forbidden and other errors are never retried.
     */
    private Integer maxRetries = 3;

    /**
     * The longest delay between retries. A duration: 10s, 500ms, PT1M, or a number of milliseconds.
     */
    private Duration maxRetryDelay = Duration.ofSeconds(8);

    /**
     * Whether the sending connection is left out when it is in the group it publishes to.
     */
    private Boolean noEcho = false;

    /**
     * What the producer does: sendToGroup, sendEvent, joinGroup, leaveGroup, or invokeEvent (request/reply: the event
     * handler's answer becomes the out body).
     */
    private WebPubSubOperation operation = WebPubSubOperation.sendToGroup;

    /**
     * The delay before the first retry, doubled on each retry (with jitter). A duration: 10s, 500ms, PT1M, or a
     * number of milliseconds.
     */
    private Duration retryDelay = Duration.ofMillis(800);

    /**
     * How many acked requests may await their acks on a connection at once; more wait in the send queue until acks
     * come back.
     */
    private Integer maxInFlightSends = 4096;

    /**
     * How many invokeEvent exchanges may wait for the event handler's answers on a connection at once; more fail at
     * once with TooManyInvocations.
     */
    private Integer maxInvocations = 1000;

    /**
     * How long an invokeEvent exchange waits for the event handler's answer; then it fails with InvocationTimeout and
     * the client sends cancelInvocation. A duration: 10s, 500ms, PT1M, or a number of milliseconds.
     */
    private Duration invokeTimeout = Duration.ofSeconds(30);

    /**
     * How many sends may wait for a connection while it is recovering or reconnecting.
     */
    private Integer maxQueuedSends = 1000;

    /**
     * How long a send may wait for a connection before it fails. A duration: 10s, 500ms, PT1M, or a number of
     * milliseconds.
     */
    private Duration queuedSendTimeout = Duration.ofSeconds(30);

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * How long a WebSocket handshake, and the service's connected message after it, may take. A duration: 10s,
     * 500ms, PT1M, or a number of milliseconds.
     */
    private Duration connectTimeout = Duration.ofSeconds(30);

    /**
     * How long the connection may stay silent before it counts as dropped and is recovered; 0 for no limit. A
     * duration: 10s, 500ms, PT1M, or a number of milliseconds.
     */
    private Duration idleTimeout = Duration.ofSeconds(120);

    /**
     * How often a WebSocket ping is sent to keep the connection alive; 0 for never. A duration: 10s, 500ms, PT1M, or
     * a number of milliseconds.
     */
    private Duration keepAliveInterval = Duration.ofSeconds(20);

    /**
     * How many failed new-connection attempts in a row are tolerated before the connection stops; -1 for no limit.
     */
    private Integer maxReconnectAttempts = -1;

    /**
     * The longest delay between new-connection attempts. A duration: 10s, 500ms, PT1M, or a number of milliseconds.
     */
    private Duration maxReconnectDelay = Duration.ofSeconds(30);

    /**
     * The delay before the first new-connection attempt, doubled on each failure (with jitter). A duration: 10s,
     * 500ms, PT1M, or a number of milliseconds.
     */
    private Duration reconnectDelay = Duration.ofSeconds(1);

    /**
     * The least time between two attempts to recover a dropped connection. A duration: 10s, 500ms, PT1M, or a number
     * of milliseconds.
     */
    private Duration recoveryDelay = Duration.ofSeconds(1);

    /**
     * How long after a drop a json.reliable connection is still recovered, counted from the first drop; the service
     * keeps a dropped connection at least 30 seconds. A duration: 10s, 500ms, PT1M, or a number of milliseconds.
     */
    private Duration recoveryWindow = Duration.ofSeconds(30);

    /**
     * The Vert.x instance to run connections on. Autowired when the registry holds exactly one (as under Quarkus);
     * otherwise the component creates one and closes it when it stops. A bean reference: #name is the application
     * context bean of that name.
     */
    private Vertx vertx;

    /**
     * The Vert.x WebSocketClientOptions of the connection, a bean passed to Vert.x whole: frame and message size
     * limits (maxFrameSize, maxMessageSize), host verification (verifyHost), the close handshake's closingTimeout,
     * per-message compression, TCP and TLS settings. It replaces the client's transport defaults (4 MB frames and
     * messages, a 2-second closing timeout, verifyHost), so what it leaves unset is Vert.x's own default (64 KB frames,
     * 256 KB messages). The explicit options win over it: what sslContextParameters sets (key managers, trust managers,
     * protocols, cipher suites) replaces the same in it, proxyHost and the other proxy options replace its proxy, and
     * connectTimeout is the handshake's timeout whatever it says. Endpoints share a connection only with the same
     * bean. A bean reference: #name is the application context bean of that name.
     */
    private WebSocketClientOptions webSocketOptions;

    /**
     * The Micrometer registry for the connections' meters. Unset, the component looks one up as camel-micrometer
     * does: the bean named metricsRegistry, else the only CompositeMeterRegistry (Spring Boot's, over several
     * registries), else the only MeterRegistry. With several and none of those, it registers no meters and logs so
     * once at INFO. Not autowired by Camel, which would need micrometer-core on every class path: it is optional. A
     * bean reference: #name is the application context bean of that name.
     */
    private MeterRegistry meterRegistry;

    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    /**
     * The host of a proxy to reach the service through: an HTTP proxy (CONNECT), or SOCKS4 or SOCKS5, see proxyType.
     */
    private String proxyHost;

    /**
     * The password for the proxy (HTTP or SOCKS5), if it needs one.
     */
    private String proxyPassword;

    /**
     * The port of the proxy at proxyHost.
     */
    private Integer proxyPort = 3128;

    /**
     * The kind of proxy at proxyHost: HTTP (CONNECT), SOCKS4 or SOCKS5. One of: HTTP, SOCKS4, SOCKS5.
     */
    private String proxyType = "HTTP";

    /**
     * The user name for the proxy, if it needs one (for SOCKS4, the user id it is given).
     */
    private String proxyUsername;

    /**
     * A client access URL, wss://HOST/client/hubs/HUB with an access_token query parameter, instead of a connection
     * string. Its token must still be valid whenever a new connection is opened.
     */
    private String clientAccessUrl;

    /**
     * A bean that supplies client access URLs, for example from your app server's negotiate endpoint. It is asked
     * for every new connection. Instead of connectionString or clientAccessUrl. A bean reference: #name is the
     * application context bean of that name.
     */
    private ClientAccessUrlProvider clientAccessUrlProvider;

    /**
     * The connection string of the Web PubSub service, as the portal shows it:
     * Endpoint=https://NAME.webpubsub.azure.com;AccessKey=KEY;Version=1.0; The component mints a short-lived client
     * access token from it for every new connection. Needs hub.
     */
    private String connectionString;

    /**
     * Roles of the connection, comma-separated, with connectionString. By default the connection may join and leave
     * any group and publish to any group: webpubsub.joinLeaveGroup,webpubsub.sendToGroup.
     */
    private String roles = "webpubsub.joinLeaveGroup,webpubsub.sendToGroup";

    /**
     * TLS settings for wss, applied whole: the key managers (a client certificate; certAlias picks one of several), the
     * trust managers (a server trusted by any of them is accepted; without them, the JVM's default trust store), the
     * enabled protocols (secureSocketProtocols, or secureSocketProtocol as the highest version) and cipher suites, on
     * the parameters and on their clientParameters. What the WebSocket transport cannot apply fails at endpoint
     * creation, naming it: protocol and cipher suite filters, sniHostNames (the server name sent is the host of the
     * service URL), named groups, signature schemes, sessionTimeout, provider and secureRandom. serverParameters do not
     * apply to a client. A bean reference: #name is the application context bean of that name.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * How long each minted access token is valid, with connectionString. Tokens are checked only at connect time. A
     * duration: 10s, 500ms, PT1M, or a number of milliseconds.
     */
    private Duration tokenLifetime = Duration.ofHours(1);

    /**
     * With retryOnAuthFailure: the delay between attempts after a rejected handshake. A duration: 10s, 500ms, PT1M,
     * or a number of milliseconds.
     */
    private Duration authFailureRetryDelay = Duration.ofMinutes(5);

    /**
     * Whether to keep trying after the service rejects the handshake with 401 or 403. By default the connection
     * stops with the reason, since a wrong or expired credential does not fix itself.
     */
    private Boolean retryOnAuthFailure = false;

    public Boolean getAutoReconnect() {
        return autoReconnect;
    }

    public void setAutoReconnect(Boolean autoReconnect) {
        this.autoReconnect = autoReconnect;
    }

    public Boolean getAutoRejoinGroups() {
        return autoRejoinGroups;
    }

    public void setAutoRejoinGroups(Boolean autoRejoinGroups) {
        this.autoRejoinGroups = autoRejoinGroups;
    }

    public WebPubSubConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WebPubSubConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getHub() {
        return hub;
    }

    public void setHub(String hub) {
        this.hub = hub;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getAckMode() {
        return ackMode;
    }

    public void setAckMode(String ackMode) {
        this.ackMode = ackMode;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Integer getConcurrentConsumers() {
        return concurrentConsumers;
    }

    public void setConcurrentConsumers(Integer concurrentConsumers) {
        this.concurrentConsumers = concurrentConsumers;
    }

    public String getEvents() {
        return events;
    }

    public void setEvents(String events) {
        this.events = events;
    }

    public String getStateFile() {
        return stateFile;
    }

    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public String getStateLockMode() {
        return stateLockMode;
    }

    public void setStateLockMode(String stateLockMode) {
        this.stateLockMode = stateLockMode;
    }

    public Long getReceiveBufferBytes() {
        return receiveBufferBytes;
    }

    public void setReceiveBufferBytes(Long receiveBufferBytes) {
        this.receiveBufferBytes = receiveBufferBytes;
    }

    public Integer getReceiveBufferMessages() {
        return receiveBufferMessages;
    }

    public void setReceiveBufferMessages(Integer receiveBufferMessages) {
        this.receiveBufferMessages = receiveBufferMessages;
    }

    public Integer getReceiveQueueCapacity() {
        return receiveQueueCapacity;
    }

    public void setReceiveQueueCapacity(Integer receiveQueueCapacity) {
        this.receiveQueueCapacity = receiveQueueCapacity;
    }

    public Integer getSequenceAckBatch() {
        return sequenceAckBatch;
    }

    public void setSequenceAckBatch(Integer sequenceAckBatch) {
        this.sequenceAckBatch = sequenceAckBatch;
    }

    public Duration getSequenceAckInterval() {
        return sequenceAckInterval;
    }

    public void setSequenceAckInterval(Duration sequenceAckInterval) {
        this.sequenceAckInterval = sequenceAckInterval;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public Duration getAckTimeout() {
        return ackTimeout;
    }

    public void setAckTimeout(Duration ackTimeout) {
        this.ackTimeout = ackTimeout;
    }

    public String getDataType() {
        return dataType;
    }

    public void setDataType(String dataType) {
        this.dataType = dataType;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public Boolean getFireAndForget() {
        return fireAndForget;
    }

    public void setFireAndForget(Boolean fireAndForget) {
        this.fireAndForget = fireAndForget;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(Duration maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public Boolean getNoEcho() {
        return noEcho;
    }

    public void setNoEcho(Boolean noEcho) {
        this.noEcho = noEcho;
    }

    public WebPubSubOperation getOperation() {
        return operation;
    }

    public void setOperation(WebPubSubOperation operation) {
        this.operation = operation;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Integer getMaxInFlightSends() {
        return maxInFlightSends;
    }

    public void setMaxInFlightSends(Integer maxInFlightSends) {
        this.maxInFlightSends = maxInFlightSends;
    }

    public Integer getMaxInvocations() {
        return maxInvocations;
    }

    public void setMaxInvocations(Integer maxInvocations) {
        this.maxInvocations = maxInvocations;
    }

    public Duration getInvokeTimeout() {
        return invokeTimeout;
    }

    public void setInvokeTimeout(Duration invokeTimeout) {
        this.invokeTimeout = invokeTimeout;
    }

    public Integer getMaxQueuedSends() {
        return maxQueuedSends;
    }

    public void setMaxQueuedSends(Integer maxQueuedSends) {
        this.maxQueuedSends = maxQueuedSends;
    }

    public Duration getQueuedSendTimeout() {
        return queuedSendTimeout;
    }

    public void setQueuedSendTimeout(Duration queuedSendTimeout) {
        this.queuedSendTimeout = queuedSendTimeout;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration getKeepAliveInterval() {
        return keepAliveInterval;
    }

    public void setKeepAliveInterval(Duration keepAliveInterval) {
        this.keepAliveInterval = keepAliveInterval;
    }

    public Integer getMaxReconnectAttempts() {
        return maxReconnectAttempts;
    }

    public void setMaxReconnectAttempts(Integer maxReconnectAttempts) {
        this.maxReconnectAttempts = maxReconnectAttempts;
    }

    public Duration getMaxReconnectDelay() {
        return maxReconnectDelay;
    }

    public void setMaxReconnectDelay(Duration maxReconnectDelay) {
        this.maxReconnectDelay = maxReconnectDelay;
    }

    public Duration getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public Duration getRecoveryDelay() {
        return recoveryDelay;
    }

    public void setRecoveryDelay(Duration recoveryDelay) {
        this.recoveryDelay = recoveryDelay;
    }

    public Duration getRecoveryWindow() {
        return recoveryWindow;
    }

    public void setRecoveryWindow(Duration recoveryWindow) {
        this.recoveryWindow = recoveryWindow;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public WebSocketClientOptions getWebSocketOptions() {
        return webSocketOptions;
    }

    public void setWebSocketOptions(WebSocketClientOptions webSocketOptions) {
        this.webSocketOptions = webSocketOptions;
    }

    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyType() {
        return proxyType;
    }

    public void setProxyType(String proxyType) {
        this.proxyType = proxyType;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
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

    public String getConnectionString() {
        return connectionString;
    }

    public void setConnectionString(String connectionString) {
        this.connectionString = connectionString;
    }

    public String getRoles() {
        return roles;
    }

    public void setRoles(String roles) {
        this.roles = roles;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Duration getTokenLifetime() {
        return tokenLifetime;
    }

    public void setTokenLifetime(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
    }

    public Duration getAuthFailureRetryDelay() {
        return authFailureRetryDelay;
    }

    public void setAuthFailureRetryDelay(Duration authFailureRetryDelay) {
        this.authFailureRetryDelay = authFailureRetryDelay;
    }

    public Boolean getRetryOnAuthFailure() {
        return retryOnAuthFailure;
    }

    public void setRetryOnAuthFailure(Boolean retryOnAuthFailure) {
        this.retryOnAuthFailure = retryOnAuthFailure;
    }
}
