package io.github.webpubsub.camel;

import java.nio.file.Path;
import java.time.Duration;


import org.apache.camel.CamelContext;

import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.github.webpubsub.client.ConnectionStateStore;
import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ProxyOptions;

/** Turns an endpoint's options into the client's. */
final class ClientOptionsFactory {

    private ClientOptionsFactory() {
    }

    static WebPubSubClientOptions create(WebPubSubConfiguration configuration, Vertx vertx, CamelContext context) {
        WebPubSubClientOptions options = WebPubSubClientOptions.of(credential(configuration))
                .setVertx(vertx)
                .setProtocol(configuration.protocol())
                .setAutoReconnect(configuration.isAutoReconnect())
                .setAutoRejoinGroups(configuration.isAutoRejoinGroups())
                .setReconnectDelay(Duration.ofMillis(configuration.getReconnectDelay()))
                .setMaxReconnectDelay(Duration.ofMillis(configuration.getMaxReconnectDelay()))
                .setMaxReconnectAttempts(configuration.getMaxReconnectAttempts())
                .setPingInterval(Duration.ofMillis(configuration.getKeepAliveInterval()))
                .setIdleTimeout(Duration.ofMillis(configuration.getIdleTimeout()))
                .setReceiveQueueCapacity(configuration.getReceiveQueueCapacity())
                .setAckMode(configuration.ackModeValue())
                .setRecoveryWindow(Duration.ofMillis(configuration.getRecoveryWindow()))
                .setRecoveryDelay(Duration.ofMillis(configuration.getRecoveryDelay()))
                .setConnectTimeout(Duration.ofMillis(configuration.getConnectTimeout()))
                .setRetryOnAuthFailure(configuration.isRetryOnAuthFailure())
                .setAuthFailureRetryDelay(Duration.ofMillis(configuration.getAuthFailureRetryDelay()))
                .setMaxInFlightSends(configuration.getMaxInFlightSends())
                .setMaxInvocations(configuration.getMaxInvocations())
                .setSequenceAckInterval(Duration.ofMillis(configuration.getSequenceAckInterval()))
                .setSequenceAckBatch(configuration.getSequenceAckBatch())
                .setReceiveBufferMessages(configuration.getReceiveBufferMessages())
                .setReceiveBufferBytes(configuration.getReceiveBufferBytes())
                .setAckTimeout(Duration.ofMillis(configuration.getAckTimeout()))
                .setMaxRetries(configuration.getMaxRetries())
                .setRetryDelay(Duration.ofMillis(configuration.getRetryDelay()))
                .setMaxRetryDelay(Duration.ofMillis(configuration.getMaxRetryDelay()))
                .setMaxQueuedSends(configuration.getMaxQueuedSends())
                .setQueuedSendTimeout(Duration.ofMillis(configuration.getQueuedSendTimeout()));
        // The bean is copied, never changed: the explicit options below win over what it says, on this copy.
        WebSocketClientOptions transport = configuration.getWebSocketOptions() != null
                ? new WebSocketClientOptions(configuration.getWebSocketOptions())
                : WebPubSubClientOptions.defaultWebSocketOptions();
        if (configuration.getSslContextParameters() != null) {
            TlsOptions.apply(configuration.getSslContextParameters(), context, transport);
        }
        if (configuration.getProxyHost() != null) {
            transport.setProxyOptions(new ProxyOptions().setType(configuration.proxyTypeValue()).setHost(configuration.getProxyHost())
                    .setPort(configuration.getProxyPort()).setUsername(configuration.getProxyUsername())
                    .setPassword(configuration.getProxyPassword()));
        }
        options.setWebSocketOptions(transport);
        options.setStateLockMode(configuration.stateLockModeValue());
        if (configuration.getStateFile() != null) {
            options.setConnectionStateStore(ConnectionStateStore.file(Path.of(configuration.getStateFile())));
        } else if (configuration.getStateRepository() != null) {
            options.setConnectionStateStore(new StateRepositoryConnectionStore(configuration.getStateRepository(),
                    "webpubsub." + (configuration.getHub() == null ? "hub" : configuration.getHub()) + "."
                            + (configuration.getUserId() == null ? "user" : configuration.getUserId())));
        }
        try {
            return options.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid webpubsub option: " + e.getMessage(), e);
        }
    }

    private static ClientAccessUrlProvider credential(WebPubSubConfiguration configuration) {
        if (configuration.getClientAccessUrlProvider() != null) {
            return configuration.getClientAccessUrlProvider();
        }
        if (configuration.getClientAccessUrl() != null) {
            return ClientAccessUrlProvider.fixed(configuration.getClientAccessUrl());
        }
        return ConnectionStringCredential.builder(configuration.getConnectionString(), configuration.getHub())
                .userId(configuration.getUserId()).roles(configuration.roleList())
                .tokenLifetime(Duration.ofMillis(configuration.getTokenLifetime())).build();
    }
}
