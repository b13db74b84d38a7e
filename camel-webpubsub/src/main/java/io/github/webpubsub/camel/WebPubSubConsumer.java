package io.github.webpubsub.camel;

import java.util.Set;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.support.DefaultConsumer;

import io.github.webpubsub.client.event.ConnectedEvent;
import io.github.webpubsub.client.event.DisconnectedEvent;
import io.github.webpubsub.client.event.GroupMessageEvent;
import io.github.webpubsub.client.event.RejoinGroupFailedEvent;
import io.github.webpubsub.client.event.ServerMessageEvent;
import io.github.webpubsub.client.event.StoppedEvent;

/**
 * Turns the events of a shared connection into exchanges, one per event, in arrival order. Each exchange is
 * processed to the end before the next, on a worker thread, so a slow route slows reading from the socket instead
 * of queueing. Suspending leaves the group (messages published meanwhile are not received); resuming joins it again.
 */
public class WebPubSubConsumer extends DefaultConsumer implements Suspendable {

    private final Set<WebPubSubEventType> events;
    private final String group;
    private volatile SharedConnection connection;

    /** A consumer for an endpoint; it acquires the endpoint's shared connection when it starts. */
    public WebPubSubConsumer(WebPubSubEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.events = endpoint.getConfiguration().consumerEvents();
        this.group = endpoint.getConfiguration().getGroup();
    }

    @Override
    public WebPubSubEndpoint getEndpoint() {
        return (WebPubSubEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().acquireConnection();
        // Camel's consumers repository asks each route's consumer for this check when health is enabled.
        WebPubSubHealthCheck check = new WebPubSubHealthCheck("consumer:webpubsub-" + getRouteId(),
                () -> connection == null ? null : connection.client());
        check.setEnabled(getEndpoint().getComponent().isHealthCheckConsumerEnabled());
        setHealthCheck(check);
        connection.addConsumer(this);
    }

    @Override
    protected void doStop() throws Exception {
        SharedConnection current = connection;
        if (current != null) {
            current.removeConsumer(this);
            getEndpoint().releaseConnection(current);
            connection = null;
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        connection.removeConsumer(this);
    }

    @Override
    protected void doResume() throws Exception {
        connection.addConsumer(this);
    }

    String group() {
        return group;
    }

    boolean wants(WebPubSubEventType event) {
        return events.contains(event);
    }

    void joinFailed(String failedGroup, Throwable error) {
        getExceptionHandler().handleException("Could not join group '" + failedGroup + "'", error);
    }

    void onGroupMessage(GroupMessageEvent event, String userId) {
        deliver(WebPubSubEventType.GROUP_MESSAGE, event.connectionId(), userId, message -> {
            message.setBody(MessageBodies.toBody(event.data()));
            message.setHeader(WebPubSubConstants.FROM, "group");
            message.setHeader(WebPubSubConstants.GROUP, event.group());
            message.setHeader(WebPubSubConstants.FROM_USER_ID, event.fromUserId());
            message.setHeader(WebPubSubConstants.DATA_TYPE, event.data().type().wireName());
            message.setHeader(WebPubSubConstants.SEQUENCE_ID, event.sequenceId());
        });
    }

    void onServerMessage(ServerMessageEvent event, String userId) {
        deliver(WebPubSubEventType.SERVER_MESSAGE, event.connectionId(), userId, message -> {
            message.setBody(MessageBodies.toBody(event.data()));
            message.setHeader(WebPubSubConstants.FROM, "server");
            message.setHeader(WebPubSubConstants.DATA_TYPE, event.data().type().wireName());
            message.setHeader(WebPubSubConstants.SEQUENCE_ID, event.sequenceId());
        });
    }

    void onConnected(ConnectedEvent event) {
        deliver(WebPubSubEventType.CONNECTED, event.connectionId(), event.userId(), message -> {
        });
    }

    void onDisconnected(DisconnectedEvent event) {
        deliver(WebPubSubEventType.DISCONNECTED, event.connectionId(), null, message -> {
            message.setBody(event.reason());
            message.setHeader(WebPubSubConstants.CLOSE_CODE, event.closeCode());
        });
    }

    void onStopped(StoppedEvent event) {
        deliver(WebPubSubEventType.STOPPED, null, null, message -> message.setBody(event.reason()));
    }

    void onRejoinGroupFailed(RejoinGroupFailedEvent event) {
        deliver(WebPubSubEventType.REJOIN_GROUP_FAILED, null, null, message -> {
            message.setBody(event.cause().getMessage());
            message.setHeader(WebPubSubConstants.GROUP, event.group());
        });
    }

    private void deliver(WebPubSubEventType type, String connectionId, String userId, Consumer<Message> fill) {
        if (!isRunAllowed() || isSuspendingOrSuspended()) {
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setHeader(WebPubSubConstants.EVENT_TYPE, type.eventName());
            message.setHeader(WebPubSubConstants.CONNECTION_ID, connectionId);
            message.setHeader(WebPubSubConstants.USER_ID, userId);
            fill.accept(message);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing a Web PubSub " + type.eventName(), exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }
}
