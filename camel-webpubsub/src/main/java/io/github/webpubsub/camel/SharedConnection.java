package io.github.webpubsub.camel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.WebPubSubClient;
import io.github.webpubsub.client.WebPubSubClientOptions;
import io.github.webpubsub.client.WebPubSubEvent;
import io.github.webpubsub.client.WebPubSubListener;

/**
 * One WebSocket connection shared by every consumer and producer with the same connection options. It joins each
 * group while at least one consumer needs it, and hands every event to the consumers that asked for it, in arrival
 * order. A consumer that takes long delays the others on the connection: that is the back-pressure that keeps the
 * connection from queueing without bound. The client itself warns in the log when the routes fall close to the
 * service's SlowClient limit.
 */
final class SharedConnection implements WebPubSubListener {

    private static final Logger LOG = LoggerFactory.getLogger(SharedConnection.class);
    private static final long LEAVE_TIMEOUT_SECONDS = 30;

    private final ConnectionKey key;
    private final String name;
    private final WebPubSubClient client;
    private final ExecutorService delivery;
    private final CamelContext context;
    /** With a state file or repository: a CamelContext shutdown leaves the connection to the next start. */
    private final boolean keepsState;
    private final List<WebPubSubConsumer> consumers = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> groupUsers = new HashMap<>();
    private int references;

    /** The connection of a client made with these options. */
    SharedConnection(ConnectionKey key, String name, WebPubSubClientOptions options, ExecutorService delivery,
            CamelContext context, boolean keepsState) {
        this.keepsState = keepsState;
        this.key = key;
        this.name = name;
        this.delivery = delivery;
        this.context = context;
        this.client = WebPubSubClient.create(options);
        client.addListener(this);
    }

    /** The hub and user of the connection, for consoles and metrics; never a secret. */
    String name() {
        return name;
    }

    ConnectionKey key() {
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
            startClient();
        }
    }

    private void startClient() {
        client.start().whenComplete((connected, error) -> {
            if (error != null) {
                LOG.warn("Web PubSub connection did not start: {}", error.getMessage());
            }
        });
    }

    /** How many consumers and producers use the connection. */
    synchronized int references() {
        return references;
    }

    /** One user fewer; returns true when that was the last, and the connection is closed. */
    synchronized boolean release() {
        if (--references == 0) {
            close();
            return true;
        }
        return false;
    }

    /**
     * Whether stopping {@code consumer} hands the connection to the next start, with its groups and everything not
     * yet acknowledged, instead of ending it: with the connection's state kept, when the CamelContext shuts down, or
     * when {@code consumer} is the connection's last consumer, as when a clustered route policy stops the route of
     * an instance that lost leadership and the new leader takes the connection back. Leaving the group first would
     * lose what is published between that leave and the new leader's join; ending the connection would lose what
     * this instance had received and not yet acknowledged.
     */
    synchronized boolean leavesToNextStart(WebPubSubConsumer consumer) {
        return keepsState && (context.isStopping() || consumers.size() == 1 && consumers.contains(consumer));
    }

    /**
     * Hands the connection to the next start: the client lets the consumers finish what they were handed,
     * acknowledges exactly that, writes the state, and closes the socket so that the service keeps the connection.
     * Waits at most as long as the client's own close.
     */
    void leaveToNextStart() {
        try {
            client.stop().get(LEAVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Web PubSub connection {} did not stop cleanly: {}", name, e.toString());
        }
    }

    void close() {
        client.close();
        context.getExecutorServiceManager().shutdown(delivery);
    }

    synchronized void addConsumer(WebPubSubConsumer consumer) {
        if (client.state() == ClientState.STOPPED && references > 0) {
            // Handed over by a suspend, now resumed: take the connection back (the lock is free, the state written).
            startClient();
        }
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
            if (client.state() == ClientState.STOPPED || client.state() == ClientState.STOPPING) {
                // Left to the next start, groups included; or simply gone.
                return;
            }
            client.leaveGroup(group).whenComplete((left, error) -> {
                if (error != null) {
                    LOG.debug("Leaving group '{}' failed: {}", group, error.getMessage());
                }
            });
        }
    }

    /**
     * Group messages may be processed in parallel by consumers with concurrentConsumers above 1; the connection
     * acknowledges a message once every consumer is done with it. Each event becomes its exchange once
     * ({@link EventMessage}), and goes to the consumers that asked for it, in arrival order.
     */
    @Override
    public CompletionStage<Void> onEventAsync(WebPubSubEvent event) {
        EventMessage message = toConsumers(event);
        if (message == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> all = null;
        for (WebPubSubConsumer consumer : consumers) {
            if (consumer.receives(message)) {
                CompletableFuture<Void> done = consumer.deliverAsync(message).toCompletableFuture();
                if (!done.isDone()) {
                    all = all == null ? done : CompletableFuture.allOf(all, done);
                }
            }
        }
        return all == null ? CompletableFuture.completedFuture(null) : all;
    }

    /** The client calls {@link #onEventAsync}; this form processes every exchange at once, on the calling thread. */
    @Override
    public void onEvent(WebPubSubEvent event) {
        EventMessage message = toConsumers(event);
        if (message != null) {
            for (WebPubSubConsumer consumer : consumers) {
                if (consumer.receives(message)) {
                    consumer.deliver(message);
                }
            }
        }
    }

    /**
     * The exchange an event becomes, or null when it is none: a malformed frame goes straight to the exception
     * handlers of the consumers of messages, since one of theirs may be missing.
     */
    private EventMessage toConsumers(WebPubSubEvent event) {
        if (event instanceof WebPubSubEvent.MalformedMessage malformed) {
            for (WebPubSubConsumer consumer : consumers) {
                if (consumer.wants(WebPubSubEventType.GROUP_MESSAGE) || consumer.wants(WebPubSubEventType.SERVER_MESSAGE)) {
                    consumer.onMalformedMessage(malformed);
                }
            }
            return null;
        }
        return EventMessage.of(event);
    }
}
