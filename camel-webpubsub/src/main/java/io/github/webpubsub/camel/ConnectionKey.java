package io.github.webpubsub.camel;

import java.util.List;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;

import io.github.webpubsub.client.AckMode;
import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.github.webpubsub.client.StateLockMode;
import io.github.webpubsub.client.WebPubSubProtocol;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ProxyType;

/**
 * What makes two endpoints share one connection: every connection setting equal, each as the type the client takes
 * (a protocol, an acknowledgement mode, a list of roles, durations in milliseconds), so that two spellings of one
 * setting are one connection. Beans (a credential provider, a state repository, TLS parameters, WebSocket options)
 * are equal only when they are the same object; nothing is compared by a hash that two objects could share.
 * {@code ConnectionKeyTest} changes each option of the configuration in turn and checks that the key changes with
 * every connection setting.
 */
record ConnectionKey(String connectionString, String hub, String userId, List<String> roles, long tokenLifetime,
        String clientAccessUrl, Identity<ClientAccessUrlProvider> clientAccessUrlProvider, WebPubSubProtocol protocol,
        boolean autoReconnect, boolean autoRejoinGroups, long reconnectDelay, long maxReconnectDelay,
        int maxReconnectAttempts, long keepAliveInterval, long idleTimeout, int receiveQueueCapacity, AckMode ackMode,
        int receiveBufferMessages, long receiveBufferBytes, long sequenceAckInterval, int sequenceAckBatch,
        long recoveryWindow, String stateFile, Identity<StateRepository<String, String>> stateRepository,
        StateLockMode stateLockMode, long recoveryDelay, long connectTimeout, boolean retryOnAuthFailure,
        long authFailureRetryDelay, int maxInFlightSends, int maxInvocations,
        Identity<SSLContextParameters> sslContextParameters, Identity<WebSocketClientOptions> webSocketOptions,
        String proxyHost, ProxyType proxyType, int proxyPort, String proxyUsername, String proxyPassword,
        long ackTimeout, int maxRetries, long retryDelay, long maxRetryDelay, int maxQueuedSends,
        long queuedSendTimeout) {

    /** The key of a validated configuration. */
    static ConnectionKey of(WebPubSubConfiguration c) {
        return new ConnectionKey(c.getConnectionString(), c.getHub(), c.getUserId(), c.roleList(), c.getTokenLifetime(),
                c.getClientAccessUrl(), Identity.of(c.getClientAccessUrlProvider()), c.protocol(), c.isAutoReconnect(),
                c.isAutoRejoinGroups(), c.getReconnectDelay(), c.getMaxReconnectDelay(), c.getMaxReconnectAttempts(),
                c.getKeepAliveInterval(), c.getIdleTimeout(), c.getReceiveQueueCapacity(), c.ackModeValue(),
                c.getReceiveBufferMessages(), c.getReceiveBufferBytes(), c.getSequenceAckInterval(),
                c.getSequenceAckBatch(), c.getRecoveryWindow(), c.getStateFile(), Identity.of(c.getStateRepository()),
                c.stateLockModeValue(), c.getRecoveryDelay(), c.getConnectTimeout(), c.isRetryOnAuthFailure(),
                c.getAuthFailureRetryDelay(), c.getMaxInFlightSends(), c.getMaxInvocations(),
                Identity.of(c.getSslContextParameters()), Identity.of(c.getWebSocketOptions()), c.getProxyHost(),
                c.proxyTypeValue(), c.getProxyPort(), c.getProxyUsername(), c.getProxyPassword(), c.getAckTimeout(),
                c.getMaxRetries(), c.getRetryDelay(), c.getMaxRetryDelay(), c.getMaxQueuedSends(),
                c.getQueuedSendTimeout());
    }

    /**
     * A bean, equal only to itself.
     *
     * @param bean the bean
     * @param <T>  its type
     */
    record Identity<T>(T bean) {

        /** The identity of a bean, or {@code null} for none. */
        static <T> Identity<T> of(T bean) {
            return bean == null ? null : new Identity<>(bean);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity<?> that && that.bean == bean;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(bean);
        }

        @Override
        public String toString() {
            return bean.getClass().getSimpleName() + "@" + Integer.toHexString(hashCode());
        }
    }

    /** Secrets stay out of logs: only the hub and the user are printed. */
    @Override
    public String toString() {
        return "ConnectionKey[" + hub + "/" + userId + "]";
    }
}
