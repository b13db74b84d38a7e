package io.github.webpubsub.camel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.event.ConnectedEvent;
import io.github.webpubsub.client.event.DisconnectedEvent;
import io.github.webpubsub.client.event.GroupMessageEvent;
import io.github.webpubsub.client.event.RejoinGroupFailedEvent;
import io.github.webpubsub.client.event.ServerMessageEvent;
import io.github.webpubsub.client.event.StoppedEvent;
import io.github.webpubsub.client.event.WebPubSubListener;

/**
 * One WebSocket connection shared by every consumer and producer with the same connection options. It joins each
 * group while at least one consumer needs it, and hands every event to the consumers that asked for it, in arrival
 * order. A consumer that takes long delays the others on the connection: that is the back-pressure that keeps the
 * connection from queueing without bound.
 */
final class SharedConnection implements WebPubSubListener {

    private static final Logger LOG = LoggerFactory.getLogger(SharedConnection.class);

    private final List<Object> key;
    private final WebPubSubClient client;
    private final List<WebPubSubConsumer> consumers = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> groupUsers = new HashMap<>();
    private int references;

    SharedConnection(List<Object> key, WebPubSubClient client) {
        this.key = key;
        this.client = client;
        client.addListener(this);
    }

    List<Object> key() {
        return key;
    }

    WebPubSubClient client() {
        return client;
    }

    /**
     * One more user; the first one starts the connection, without waiting for it. A connection that stopped by itself
     * (rejected credential, attempts used up) is started again by the next route or producer that starts.
     */
    synchronized void retain() {
        if (references++ == 0 || client.state() == ClientState.STOPPED) {
            client.start().whenComplete((connected, error) -> {
                if (error != null) {
                    LOG.warn("Web PubSub connection did not start: {}", error.getMessage());
                }
            });
        }
    }

    /** One user fewer; returns true when that was the last, and the connection is closed. */
    synchronized boolean release() {
        if (--references == 0) {
            close();
            return true;
        }
        return false;
    }

    void close() {
        client.close();
    }

    synchronized void addConsumer(WebPubSubConsumer consumer) {
        consumers.add(consumer);
        String group = consumer.group();
        if (group != null && consumer.wants(WebPubSubEventType.GROUP_MESSAGE) && groupUsers.merge(group, 1, Integer::sum) == 1) {
            client.joinGroup(group).whenComplete((joined, error) -> {
                if (error != null) {
                    consumer.joinFailed(group, error);
                }
            });
        }
    }

    synchronized void removeConsumer(WebPubSubConsumer consumer) {
        if (!consumers.remove(consumer)) {
            return;
        }
        String group = consumer.group();
        if (group != null && consumer.wants(WebPubSubEventType.GROUP_MESSAGE)
                && groupUsers.merge(group, -1, Integer::sum) == 0) {
            groupUsers.remove(group);
            client.leaveGroup(group).whenComplete((left, error) -> {
                if (error != null) {
                    LOG.debug("Leaving group '{}' failed: {}", group, error.getMessage());
                }
            });
        }
    }

    @Override
    public void onGroupMessage(GroupMessageEvent event) {
        for (WebPubSubConsumer consumer : consumers) {
            if (consumer.wants(WebPubSubEventType.GROUP_MESSAGE) && event.group().equals(consumer.group())) {
                consumer.onGroupMessage(event, client.userId());
            }
        }
    }

    @Override
    public void onServerMessage(ServerMessageEvent event) {
        for (WebPubSubConsumer consumer : consumers) {
            if (consumer.wants(WebPubSubEventType.SERVER_MESSAGE)) {
                consumer.onServerMessage(event, client.userId());
            }
        }
    }

    @Override
    public void onConnected(ConnectedEvent event) {
        consumers.stream().filter(c -> c.wants(WebPubSubEventType.CONNECTED)).forEach(c -> c.onConnected(event));
    }

    @Override
    public void onDisconnected(DisconnectedEvent event) {
        consumers.stream().filter(c -> c.wants(WebPubSubEventType.DISCONNECTED)).forEach(c -> c.onDisconnected(event));
    }

    @Override
    public void onStopped(StoppedEvent event) {
        consumers.stream().filter(c -> c.wants(WebPubSubEventType.STOPPED)).forEach(c -> c.onStopped(event));
    }

    @Override
    public void onRejoinGroupFailed(RejoinGroupFailedEvent event) {
        consumers.stream().filter(c -> c.wants(WebPubSubEventType.REJOIN_GROUP_FAILED))
                .forEach(c -> c.onRejoinGroupFailed(event));
    }
}
