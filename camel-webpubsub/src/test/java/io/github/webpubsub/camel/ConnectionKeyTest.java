package io.github.webpubsub.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import io.github.webpubsub.client.ClientAccessUrlProvider;
import io.vertx.core.http.WebSocketClientOptions;

/**
 * Endpoints share a connection when, and only when, their connection settings are equal. Every option of the
 * configuration is either a connection setting, and changing it gives a different key, or one of the few that only
 * shape what an endpoint does on the connection.
 */
class ConnectionKeyTest {

    /** What an endpoint does on its connection; everything else is a connection setting. */
    private static final Set<String> PER_ENDPOINT = Set.of("group", "events", "operation", "event", "dataType", "noEcho",
            "fireAndForget", "concurrentConsumers", "invokeTimeout");

    @Test
    void changingAnyConnectionSettingGivesADifferentKeyAndNothingElseDoes() throws Exception {
        List<String> connectionSettings = new ArrayList<>();
        for (Field field : WebPubSubConfiguration.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || field.getAnnotation(UriParam.class) == null) {
                continue;
            }
            field.setAccessible(true);
            WebPubSubConfiguration base = new WebPubSubConfiguration();
            WebPubSubConfiguration changed = new WebPubSubConfiguration();
            field.set(changed, otherValue(field, field.get(changed)));
            boolean sameKey = base.connectionKey().equals(changed.connectionKey());
            if (PER_ENDPOINT.contains(field.getName())) {
                assertThat(sameKey).as("%s does not shape the connection", field.getName()).isTrue();
            } else {
                assertThat(sameKey).as("changing %s gives another connection", field.getName()).isFalse();
                connectionSettings.add(field.getName());
            }
        }
        assertThat(connectionSettings).contains("connectionString", "userId", "sslContextParameters", "webSocketOptions", "ackMode",
                "recoveryWindow", "maxInFlightSends");
    }

    @Test
    void beansAreTheSameSettingOnlyWhenTheyAreTheSameObject() {
        ClientAccessUrlProvider provider = ClientAccessUrlProvider.fixed("ws://localhost/client/hubs/h");
        WebPubSubConfiguration first = new WebPubSubConfiguration();
        first.setClientAccessUrlProvider(provider);
        WebPubSubConfiguration same = new WebPubSubConfiguration();
        same.setClientAccessUrlProvider(provider);
        WebPubSubConfiguration other = new WebPubSubConfiguration();
        other.setClientAccessUrlProvider(ClientAccessUrlProvider.fixed("ws://localhost/client/hubs/h"));

        assertThat(first.connectionKey()).isEqualTo(same.connectionKey());
        assertThat(first.connectionKey()).isNotEqualTo(other.connectionKey());
        assertThat(first.connectionKey().toString()).doesNotContain("ws://");
    }

    @Test
    void twoSpellingsOfOneSettingAreOneConnection() {
        WebPubSubConfiguration first = new WebPubSubConfiguration();
        first.setAckMode("onReceipt");
        first.setProtocol("json.reliable");
        first.setRoles("webpubsub.joinLeaveGroup,webpubsub.sendToGroup");
        first.setProxyType("socks5");
        first.setStateLockMode("newConnection");
        WebPubSubConfiguration second = new WebPubSubConfiguration();
        second.setAckMode("on_receipt");
        second.setProtocol("json.reliable.webpubsub.azure.v1");
        second.setRoles("webpubsub.joinLeaveGroup, webpubsub.sendToGroup");
        second.setProxyType("SOCKS5");
        second.setStateLockMode("new_connection");

        assertThat(first.connectionKey()).isEqualTo(second.connectionKey());
    }

    @Test
    void aKeyPrintsNoSecret() {
        WebPubSubConfiguration configuration = new WebPubSubConfiguration();
        configuration.setConnectionString("Endpoint=http://localhost;AccessKey=s3cr3t-key;Version=1.0;");
        configuration.setHub("chat");
        configuration.setUserId("bridge");
        configuration.setProxyPassword("proxy-s3cr3t");

        assertThat(configuration.connectionKey().toString()).isEqualTo("ConnectionKey[chat/bridge]");
    }

    private static Object otherValue(Field field, Object current) {
        Class<?> type = field.getType();
        if (type == String.class) {
            return switch (field.getName()) {
                case "protocol" -> "json";
                case "ackMode" -> "onReceipt";
                case "dataType" -> "text";
                case "stateLockMode" -> "newConnection";
                case "proxyType" -> "SOCKS5";
                default -> current + "-changed";
            };
        }
        if (type == long.class) {
            return (Long) current + 1;
        }
        if (type == int.class) {
            return (Integer) current + 1;
        }
        if (type == boolean.class) {
            return !(Boolean) current;
        }
        if (type == ClientAccessUrlProvider.class) {
            return ClientAccessUrlProvider.fixed("ws://localhost/client/hubs/h");
        }
        if (type == SSLContextParameters.class) {
            return new SSLContextParameters();
        }
        if (type == WebSocketClientOptions.class) {
            return new WebSocketClientOptions();
        }
        if (type == StateRepository.class) {
            return new MemoryStateRepository();
        }
        if (type == WebPubSubOperation.class) {
            return WebPubSubOperation.sendEvent;
        }
        throw new AssertionError("No other value for " + field.getName() + " of " + type);
    }
}
