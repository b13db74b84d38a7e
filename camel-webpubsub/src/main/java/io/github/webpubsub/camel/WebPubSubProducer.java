package io.github.webpubsub.camel;

import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

import io.github.webpubsub.client.ClientStatistics;
import io.github.webpubsub.client.DataType;
import io.github.webpubsub.client.InvocationFailedException;
import io.github.webpubsub.client.InvokeResult;
import io.github.webpubsub.client.Names;
import io.github.webpubsub.client.SendFailedException;
import io.github.webpubsub.client.SendOptions;
import io.github.webpubsub.client.SendResult;
import io.github.webpubsub.client.WebPubSubClient;

/**
 * Sends each exchange as one request and completes it when the service acks it. Many exchanges may be in flight
 * at once; retries reuse the ackId, so a retried exchange is never published twice within a connection.
 */
@ManagedResource(description = "Managed Web PubSub producer")
public class WebPubSubProducer extends DefaultAsyncProducer implements ManagedConnectionFigures {

    /** Marks the ackId of a send that succeeded, so that the next producer on the route does not reuse it. */
    static final String ACKED_ID_PROPERTY = "CamelWebPubSubAckedId";

    /** The ackId of this producer's failed send, so that a Camel redelivery of the exchange reuses it. */
    static final String FAILED_ACK_PROPERTY = "CamelWebPubSubFailedAck";

    private final WebPubSubConfiguration configuration;
    private volatile SharedConnection connection;
    private WebPubSubHealthCheck healthCheck;
    private WritableHealthCheckRepository healthRepository;

    /**
     * A producer for an endpoint; it acquires the endpoint's shared connection when it starts, without the
     * consumers' connection state.
     */
    public WebPubSubProducer(WebPubSubEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public WebPubSubEndpoint getEndpoint() {
        return (WebPubSubEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        connection = getEndpoint().acquireProducerConnection();
        healthRepository = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthRepository != null) {
            healthCheck = new WebPubSubHealthCheck("producer:webpubsub-" + getEndpoint().getId(),
                    () -> connection == null ? null : connection.client());
            healthCheck.setEnabled(getEndpoint().getComponent().isHealthCheckProducerEnabled());
            healthRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthRepository != null && healthCheck != null) {
            healthRepository.removeHealthCheck(healthCheck);
        }
        SharedConnection current = connection;
        if (current != null) {
            connection = null;
            getEndpoint().releaseConnection(current);
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        WebPubSubOperation operation;
        try {
            operation = operation(exchange.getMessage());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (operation == WebPubSubOperation.invokeEvent) {
            return invoke(exchange, callback);
        }
        CompletableFuture<SendResult> request;
        long sentAt = System.nanoTime();
        try {
            request = send(exchange, connection.client());
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        SharedConnection used = connection;
        Thread caller = Thread.currentThread();
        // The client completes on the component's pool (SharedConnections gives it as the completion executor), so
        // the exchange continues there without another hop.
        request.whenComplete((result, error) -> {
            if (Thread.currentThread() != caller) {
                sent(exchange, callback, used, sentAt, result, error);
                return;
            }
            // Done before this callback was attached (a quick ack while this thread was held up): it would run here,
            // before process returns. Continue on the pool instead, as every other send does.
            try {
                getEndpoint().getComponent().completions()
                        .execute(() -> sent(exchange, callback, used, sentAt, result, error));
            } catch (RejectedExecutionException stopping) {
                sent(exchange, callback, used, sentAt, result, error);
            }
        });
        return false;
    }

    /** Completes the exchange of a send the service answered, or that failed. */
    private void sent(Exchange exchange, AsyncCallback callback, SharedConnection used, long sentAt, SendResult result,
            Throwable error) {
        WebPubSubMetrics metrics = getEndpoint().getComponent().metrics();
        if (metrics != null) {
            metrics.sendCompleted(used, configuration.isFireAndForget() ? null
                    : Duration.ofNanos(System.nanoTime() - sentAt), error);
        }
        Message message = exchange.getMessage();
        if (error == null) {
            message.setHeader(WebPubSubConstants.ACK_ID, result.ackId());
            exchange.setProperty(ACKED_ID_PROPERTY, result.ackId());
            exchange.removeProperty(FAILED_ACK_PROPERTY);
            message.setHeader(WebPubSubConstants.DUPLICATE, result.duplicated());
        } else {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof SendFailedException failed) {
                message.setHeader(WebPubSubConstants.ACK_ID, failed.ackId());
                if (failed.ackId() != null) {
                    exchange.setProperty(FAILED_ACK_PROPERTY, new FailedAck(this, failed.ackId()));
                }
                exchange.setException(new WebPubSubSendException(exchange, failed.ackId(), failed.errorName(),
                        failed.errorMessage(), failed));
            } else {
                exchange.setException(cause);
            }
        }
        callback.done(false);
    }

    /**
     * Request/reply: the body goes to the event handler, and its answer becomes the out body (a String for text and
     * JSON, byte[] for binary) with its data type in a header; a failure is a {@link WebPubSubInvocationException}.
     */
    private boolean invoke(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<InvokeResult> request;
        Message message = exchange.getMessage();
        String event;
        try {
            event = event(message);
            request = connection.client().invokeEvent(event, MessageBodies.toData(exchange, dataType(message)),
                    Duration.ofMillis(configuration.getInvokeTimeout()));
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        request.whenCompleteAsync((result, error) -> {
            Message out = exchange.getMessage();
            if (error == null) {
                out.setHeader(WebPubSubConstants.INVOCATION_ID, result.invocationId());
                if (result.data() == null) {
                    out.setBody(null);
                    out.removeHeader(WebPubSubConstants.DATA_TYPE);
                } else {
                    out.setBody(MessageBodies.toBody(result.data()));
                    out.setHeader(WebPubSubConstants.DATA_TYPE, result.data().type().wireName());
                }
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof InvocationFailedException failed) {
                    out.setHeader(WebPubSubConstants.INVOCATION_ID, failed.invocationId());
                    exchange.setException(new WebPubSubInvocationException(exchange, failed.invocationId(),
                            failed.errorName(), failed.errorMessage(), failed));
                } else {
                    exchange.setException(cause);
                }
            }
            callback.done(false);
        }, getEndpoint().getComponent().completions());
        return false;
    }

    private CompletableFuture<SendResult> send(Exchange exchange, WebPubSubClient client) throws Exception {
        Message message = exchange.getMessage();
        WebPubSubOperation operation = operation(message);
        SendOptions options = SendOptions.defaults().withFireAndForget(configuration.isFireAndForget());
        Long ackId = message.getHeader(WebPubSubConstants.ACK_ID, Long.class);
        if (ackId != null && ackId.equals(exchange.getProperty(ACKED_ID_PROPERTY))) {
            // Written by a successful send earlier on the route: an output, not a request to reuse it.
            ackId = null;
        }
        if (ackId == null) {
            // A redelivery restores the message without our header; the exchange property survives it.
            FailedAck failed = exchange.getProperty(FAILED_ACK_PROPERTY, FailedAck.class);
            ackId = failed != null && failed.producer() == this ? failed.ackId() : null;
        }
        if (ackId != null && !configuration.isFireAndForget()) {
            options = options.withAckId(ackId);
        }
        return switch (operation) {
            case sendToGroup -> {
                Boolean noEcho = message.getHeader(WebPubSubConstants.NO_ECHO, Boolean.class);
                yield client.sendToGroup(group(message), MessageBodies.toData(exchange, dataType(message)),
                        options.withNoEcho(noEcho != null ? noEcho : configuration.isNoEcho()));
            }
            case sendEvent -> client.sendEvent(event(message), MessageBodies.toData(exchange, dataType(message)), options);
            case joinGroup -> client.joinGroup(group(message), options);
            case leaveGroup -> client.leaveGroup(group(message), options);
            case invokeEvent -> throw new IllegalStateException("invokeEvent is not a send");
        };
    }

    private WebPubSubOperation operation(Message message) {
        String name = message.getHeader(WebPubSubConstants.OPERATION, String.class);
        if (name == null) {
            return configuration.getOperation();
        }
        try {
            return WebPubSubOperation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown operation '" + name + "' in header " + WebPubSubConstants.OPERATION
                    + ": expected sendToGroup, sendEvent, joinGroup, leaveGroup or invokeEvent");
        }
    }

    /**
     * The header overrides the path, except on an exchange consumed from Web PubSub: there the header names the group
     * the message came from, and obeying it would turn a bridge route into a loop.
     */
    private String group(Message message) {
        String header = message.getHeader(WebPubSubConstants.GROUP, String.class);
        boolean consumed = message.getHeader(WebPubSubConstants.EVENT_TYPE) != null;
        String group = header != null && (configuration.getGroup() == null || !consumed) ? header : configuration.getGroup();
        if (group == null) {
            throw new IllegalArgumentException("No group: give one in the endpoint path or the header "
                    + WebPubSubConstants.GROUP);
        }
        return Names.requireGroup(group);
    }

    private String event(Message message) {
        String event = message.getHeader(WebPubSubConstants.EVENT, configuration.getEvent(), String.class);
        if (event == null) {
            throw new IllegalArgumentException("No event name for sendEvent or invokeEvent: set the option event or"
                    + " the header " + WebPubSubConstants.EVENT);
        }
        return Names.requireEvent(event);
    }

    private DataType dataType(Message message) {
        String name = message.getHeader(WebPubSubConstants.DATA_TYPE, String.class);
        return name == null ? configuration.dataType() : DataType.fromWireName(name.toLowerCase(Locale.ROOT));
    }

    /** A failed send's ackId, tied to the producer that used it: another producer must not reuse it. */
    record FailedAck(WebPubSubProducer producer, long ackId) {
    }

    @Override
    public ClientStatistics connectionStatistics() {
        SharedConnection current = connection;
        return current == null ? null : current.client().statistics();
    }
}
