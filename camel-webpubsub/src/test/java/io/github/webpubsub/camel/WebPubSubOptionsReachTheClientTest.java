package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.jsse.CipherSuitesParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.webpubsub.client.AckMode;
import io.github.webpubsub.client.ConnectionStringCredential;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.net.ProxyOptions;

/**
 * Every client setting that changes behaviour is reachable from an endpoint URI, and the catalog's defaults are the
 * client's own {@code DEFAULT_*} constants.
 */
class WebPubSubOptionsReachTheClientTest extends WebPubSubTestSupport {

    @Test
    void everyClientSettingCanBeSetFromTheUri() {
        WebPubSubEndpoint endpoint = CamelContextHelper.getMandatoryEndpoint(context, "webpubsub:g?userId=u"
                + "&recoveryWindow=45s&recoveryDelay=250ms&connectTimeout=7s&retryOnAuthFailure=true"
                + "&authFailureRetryDelay=90s&maxInFlightSends=64&maxInvocations=12&sequenceAckInterval=300ms&sequenceAckBatch=25"
                + "&ackMode=onReceipt&receiveBufferMessages=500&receiveBufferBytes=4096&receiveQueueCapacity=33"
                + "&ackTimeout=4s&maxRetries=5&retryDelay=150ms&maxRetryDelay=2s&maxQueuedSends=77"
                + "&queuedSendTimeout=9s&keepAliveInterval=3s&idleTimeout=11s&reconnectDelay=120ms"
                + "&maxReconnectDelay=6s&maxReconnectAttempts=4&autoReconnect=false&autoRejoinGroups=false"
                + "&proxyHost=proxy.example&proxyPort=1080&proxyType=SOCKS5",
                WebPubSubEndpoint.class);

        WebPubSubClientOptions options = ClientOptionsFactory.create(endpoint.getConfiguration(), null, context);

        assertThat(options.getRecoveryWindow()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.getRecoveryDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.getConnectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(options.isRetryOnAuthFailure()).isTrue();
        assertThat(options.getAuthFailureRetryDelay()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.getMaxInFlightSends()).isEqualTo(64);
        assertThat(options.getMaxInvocations()).isEqualTo(12);
        assertThat(options.getSequenceAckInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(options.getSequenceAckBatch()).isEqualTo(25);
        assertThat(options.getAckMode()).isEqualTo(AckMode.ON_RECEIPT);
        assertThat(options.getReceiveBufferMessages()).isEqualTo(500);
        assertThat(options.getReceiveBufferBytes()).isEqualTo(4096);
        assertThat(options.getReceiveQueueCapacity()).isEqualTo(33);
        assertThat(options.getAckTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(options.getMaxRetries()).isEqualTo(5);
        assertThat(options.getRetryDelay()).isEqualTo(Duration.ofMillis(150));
        assertThat(options.getMaxRetryDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.getMaxQueuedSends()).isEqualTo(77);
        assertThat(options.getQueuedSendTimeout()).isEqualTo(Duration.ofSeconds(9));
        assertThat(options.getPingInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.getIdleTimeout()).isEqualTo(Duration.ofSeconds(11));
        assertThat(options.getReconnectDelay()).isEqualTo(Duration.ofMillis(120));
        assertThat(options.getMaxReconnectDelay()).isEqualTo(Duration.ofSeconds(6));
        assertThat(options.getMaxReconnectAttempts()).isEqualTo(4);
        assertThat(options.isAutoReconnect()).isFalse();
        assertThat(options.isAutoRejoinGroups()).isFalse();
        assertThat(options.getWebSocketOptions().getProxyOptions().getType()).isEqualTo(io.vertx.core.net.ProxyType.SOCKS5);
        assertThat(options.getWebSocketOptions().getProxyOptions().getPort()).isEqualTo(1080);
    }

    @Test
    void theWebSocketOptionsBeanIsPassedWholeAndTheExplicitOptionsWinOverIt() {
        WebSocketClientOptions bean = new WebSocketClientOptions().setMaxFrameSize(1000).setMaxMessageSize(1234)
                .setClosingTimeout(7).setTryUsePerMessageCompression(true).setVerifyHost(false)
                .setProxyOptions(new ProxyOptions().setHost("bean-proxy").setPort(1))
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.3")).addEnabledCipherSuite("TLS_AES_256_GCM_SHA384");
        SSLContextParameters tls = new SSLContextParameters();
        SecureSocketProtocolsParameters protocols = new SecureSocketProtocolsParameters();
        protocols.setSecureSocketProtocol(List.of("TLSv1.2"));
        tls.setSecureSocketProtocols(protocols);
        CipherSuitesParameters ciphers = new CipherSuitesParameters();
        ciphers.setCipherSuite(List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        tls.setCipherSuites(ciphers);
        context.getRegistry().bind("transport", bean);
        context.getRegistry().bind("tls", tls);
        WebPubSubEndpoint endpoint = CamelContextHelper.getMandatoryEndpoint(context, "webpubsub:g?userId=u"
                + "&webSocketOptions=#transport&sslContextParameters=#tls&proxyHost=proxy.example&proxyPort=1080",
                WebPubSubEndpoint.class);

        WebSocketClientOptions transport = ClientOptionsFactory.create(endpoint.getConfiguration(), null, context)
                .getWebSocketOptions();

        // What only the bean says is passed on.
        assertThat(transport.getMaxFrameSize()).isEqualTo(1000);
        assertThat(transport.getMaxMessageSize()).isEqualTo(1234);
        assertThat(transport.getClosingTimeout()).isEqualTo(7);
        assertThat(transport.getTryUsePerMessageCompression()).isTrue();
        assertThat(transport.isVerifyHost()).isFalse();
        // What the explicit options say wins.
        assertThat(transport.getProxyOptions().getHost()).isEqualTo("proxy.example");
        assertThat(transport.getProxyOptions().getPort()).isEqualTo(1080);
        assertThat(transport.getEnabledSecureTransportProtocols()).containsExactly("TLSv1.2");
        assertThat(transport.getEnabledCipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        // The bean itself is left as it was, for the other endpoints that use it.
        assertThat(bean.getProxyOptions().getHost()).isEqualTo("bean-proxy");
        assertThat(bean.getEnabledCipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384");
    }

    @Test
    void withoutABeanTheTransportHasTheClientsDefaults() {
        WebPubSubEndpoint endpoint = CamelContextHelper.getMandatoryEndpoint(context, "webpubsub:g?userId=u",
                WebPubSubEndpoint.class);

        WebSocketClientOptions transport = ClientOptionsFactory.create(endpoint.getConfiguration(), null, context)
                .getWebSocketOptions();

        assertThat(transport.getMaxMessageSize()).isEqualTo(WebPubSubClientOptions.DEFAULT_MAX_MESSAGE_BYTES);
        assertThat(transport.getMaxFrameSize()).isEqualTo(WebPubSubClientOptions.DEFAULT_MAX_MESSAGE_BYTES);
        assertThat(transport.getClosingTimeout()).isEqualTo(WebPubSubClientOptions.DEFAULT_CLOSING_TIMEOUT_SECONDS);
    }

    @Test
    void theCatalogDefaultsAreTheClientsDefaults() throws IOException {
        JsonNode properties = new ObjectMapper().readTree(Files.readString(
                Path.of("src/generated/resources/META-INF/io/github/webpubsub/camel/webpubsub.json"))).get("properties");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("recoveryWindow", WebPubSubClientOptions.DEFAULT_RECOVERY_WINDOW);
        expected.put("recoveryDelay", WebPubSubClientOptions.DEFAULT_RECOVERY_DELAY);
        expected.put("connectTimeout", WebPubSubClientOptions.DEFAULT_CONNECT_TIMEOUT);
        expected.put("authFailureRetryDelay", WebPubSubClientOptions.DEFAULT_AUTH_FAILURE_RETRY_DELAY);
        expected.put("sequenceAckInterval", WebPubSubClientOptions.DEFAULT_SEQUENCE_ACK_INTERVAL);
        expected.put("ackTimeout", WebPubSubClientOptions.DEFAULT_ACK_TIMEOUT);
        expected.put("retryDelay", WebPubSubClientOptions.DEFAULT_RETRY_DELAY);
        expected.put("maxRetryDelay", WebPubSubClientOptions.DEFAULT_MAX_RETRY_DELAY);
        expected.put("queuedSendTimeout", WebPubSubClientOptions.DEFAULT_QUEUED_SEND_TIMEOUT);
        expected.put("keepAliveInterval", WebPubSubClientOptions.DEFAULT_PING_INTERVAL);
        expected.put("idleTimeout", WebPubSubClientOptions.DEFAULT_IDLE_TIMEOUT);
        expected.put("reconnectDelay", WebPubSubClientOptions.DEFAULT_RECONNECT_DELAY);
        expected.put("maxReconnectDelay", WebPubSubClientOptions.DEFAULT_MAX_RECONNECT_DELAY);
        expected.put("maxInFlightSends", WebPubSubClientOptions.DEFAULT_MAX_IN_FLIGHT_SENDS);
        expected.put("maxInvocations", WebPubSubClientOptions.DEFAULT_MAX_INVOCATIONS);
        expected.put("invokeTimeout", WebPubSubClientOptions.DEFAULT_INVOKE_TIMEOUT);
        expected.put("sequenceAckBatch", WebPubSubClientOptions.DEFAULT_SEQUENCE_ACK_BATCH);
        expected.put("receiveBufferMessages", WebPubSubClientOptions.DEFAULT_RECEIVE_BUFFER_MESSAGES);
        expected.put("receiveBufferBytes", WebPubSubClientOptions.DEFAULT_RECEIVE_BUFFER_BYTES);
        expected.put("receiveQueueCapacity", WebPubSubClientOptions.DEFAULT_RECEIVE_QUEUE_CAPACITY);
        expected.put("maxRetries", WebPubSubClientOptions.DEFAULT_MAX_RETRIES);
        expected.put("maxQueuedSends", WebPubSubClientOptions.DEFAULT_MAX_QUEUED_SENDS);
        expected.put("maxReconnectAttempts", WebPubSubClientOptions.DEFAULT_MAX_RECONNECT_ATTEMPTS);
        expected.put("retryOnAuthFailure", WebPubSubClientOptions.DEFAULT_RETRY_ON_AUTH_FAILURE);
        expected.put("autoReconnect", WebPubSubClientOptions.DEFAULT_AUTO_RECONNECT);
        expected.put("autoRejoinGroups", WebPubSubClientOptions.DEFAULT_AUTO_REJOIN_GROUPS);
        expected.put("tokenLifetime", ConnectionStringCredential.DEFAULT_TOKEN_LIFETIME);

        expected.forEach((option, value) -> {
            assertThat(properties.has(option)).as("option %s in the catalog", option).isTrue();
            String catalogDefault = properties.get(option).path("defaultValue").asText();
            if (value instanceof Duration duration) {
                assertThat(Duration.ofMillis(TimeUtils.toMilliSeconds(catalogDefault))).as(option).isEqualTo(duration);
            } else {
                assertThat(catalogDefault).as(option).isEqualTo(String.valueOf(value));
            }
        });

        // Options named in words: the catalog's word, and the field's initial value, mean the client's default.
        WebPubSubConfiguration fromCatalog = new WebPubSubConfiguration();
        fromCatalog.setProtocol(properties.get("protocol").path("defaultValue").asText());
        fromCatalog.setAckMode(properties.get("ackMode").path("defaultValue").asText());
        fromCatalog.setStateLockMode(properties.get("stateLockMode").path("defaultValue").asText());
        WebPubSubConfiguration initial = new WebPubSubConfiguration();
        for (WebPubSubConfiguration configuration : List.of(fromCatalog, initial)) {
            assertThat(configuration.protocol()).isEqualTo(WebPubSubClientOptions.DEFAULT_PROTOCOL);
            assertThat(configuration.ackModeValue()).isEqualTo(WebPubSubClientOptions.DEFAULT_ACK_MODE);
            assertThat(configuration.stateLockModeValue()).isEqualTo(WebPubSubClientOptions.DEFAULT_STATE_LOCK_MODE);
        }
        assertThat(initial.getTokenLifetime()).isEqualTo(ConnectionStringCredential.DEFAULT_TOKEN_LIFETIME.toMillis());
    }
}
