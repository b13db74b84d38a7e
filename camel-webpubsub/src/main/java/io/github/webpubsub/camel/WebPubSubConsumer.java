package io.github.webpubsub.camel;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.DefaultConsumer;

import io.github.webpubsub.client.ClientStatistics;
import io.github.webpubsub.client.WebPubSubEvent;

/**
 * Processes the events of a shared connection that it asked for, each as its exchange (made by {@link EventMessage}),
 * in arrival order. Each exchange is processed to the end before the next, on a worker thread, so a slow route slows
 * reading from the socket instead of queueing. Suspending leaves the group (messages published meanwhile are not
 * received); resuming joins it again. With a connection state (stateFile, stateRepository), the last consumer of the
 * connection to stop or suspend hands the connection over instead, groups included, so that the next start (this
 * instance's or a new leader's) gets what was published meanwhile.
 */
@ManagedResource(description = "Managed Web PubSub consumer")
public class WebPubSubConsumer extends DefaultConsumer implements Suspendable, ManagedConnectionFigures {

    private final Set<WebPubSubEventType> events;
    private final String group;
    private final int concurrency;
    private volatile SharedConnection connection;
    /** With concurrentConsumers above 1: the threads that run this consumer's exchanges, and how many may run. */
    private ExecutorService workers;
    private Semaphore slots;
    private final LongAdder processedExchanges = new LongAdder();
    private final LongAdder failedExchanges = new LongAdder();
    /** The connection is being handed to the next start: what it delivers now must be processed, not skipped. */
    private volatile boolean handingOver;

    /** A consumer for an endpoint; it acquires the endpoint's shared connection when it starts. */
    public WebPubSubConsumer(WebPubSubEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.events = endpoint.getConfiguration().consumerEvents();
        this.group = endpoint.getConfiguration().getGroup();
        this.concurrency = endpoint.getConfiguration().getConcurrentConsumers();
    }

    @Override
    public WebPubSubEndpoint getEndpoint() {
        return (WebPubSubEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (concurrency > 1) {
            workers = getEndpoint().getCamelContext().getExecutorServiceManager().newFixedThreadPool(this,
                    "WebPubSubConsumer[" + (group == null ? "server" : group) + "]", concurrency);
            slots = new Semaphore(concurrency);
        }
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
            handOverIfLeaving(current);
            current.removeConsumer(this);
            getEndpoint().releaseConnection(current);
            connection = null;
        }
        if (workers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(workers);
            workers = null;
        }
        super.doStop();
    }

    @Override
    protected void doSuspend() throws Exception {
        // Camel suspends consumers before it waits for their exchanges: the moment to hand over, groups included.
        handOverIfLeaving(connection);
        connection.removeConsumer(this);
    }

    /**
     * When the connection's state is kept and this consumer's stop ends the connection's use here (a CamelContext
     * shutdown, the last consumer stopped, as on a leadership loss): the connection goes to the next start. While
     * this consumer is still registered, it finishes what the connection handed it (Camel is stopping it, and
     * processes those exchanges all the same), and the rest stays unacknowledged with the service.
     */
    private void handOverIfLeaving(SharedConnection current) {
        if (current != null && current.leavesToNextStart(this)) {
            handingOver = true;
            try {
                current.leaveToNextStart();
            } finally {
                handingOver = false;
            }
        }
    }

    @Override
    protected void doResume() throws Exception {
        connection.addConsumer(this);
    }

    /** How many exchanges this consumer has processed, failed ones included. */
    @ManagedAttribute(description = "Exchanges processed, failed ones included")
    public long getProcessedExchanges() {
        return processedExchanges.sum();
    }

    /**
     * How many exchanges still failed once Camel's error handling was done with them; each went to the consumer's
     * exception handler, and was acknowledged to the service like any other.
     */
    @ManagedAttribute(description = "Exchanges that still failed once error handling was done")
    public long getFailedExchanges() {
        return failedExchanges.sum();
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

    /** Whether this consumer takes the exchange an event becomes: it asked for the type, and it is its group's. */
    boolean receives(EventMessage event) {
        return events.contains(event.type()) && (event.group() == null || event.group().equals(group));
    }

    /**
     * An event's exchange. A group message with concurrentConsumers above 1 runs on this consumer's pool, everything
     * else at once on the calling thread; the stage completes when Camel, error handling included, is done with the
     * exchange. While every worker is busy the caller waits: that is the back-pressure.
     */
    CompletionStage<Void> deliverAsync(EventMessage event) {
        if (workers == null || event.type() != WebPubSubEventType.GROUP_MESSAGE) {
            deliver(event);
            return CompletableFuture.completedFuture(null);
        }
        slots.acquireUninterruptibly();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try {
                    deliver(event);
                } finally {
                    slots.release();
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            getExceptionHandler().handleException("A Web PubSub message arrived while the consumer stopped", e);
            done.complete(null);
        }
        return done;
    }

    /**
     * The service sent a frame that could not be read where this consumer's messages arrive: a message may be
     * missing, so Camel's exception handler hears of it.
     */
    void onMalformedMessage(WebPubSubEvent.MalformedMessage event) {
        if (isRunAllowed() && !isSuspendingOrSuspended()) {
            getExceptionHandler().handleException("Malformed Web PubSub frame on connection " + event.connectionId()
                    + (event.sequenceId() == null ? "" : " (sequenceId " + event.sequenceId() + ")"),
                    new WebPubSubMalformedMessageException(event.reason()));
        }
    }

    /** An event's exchange, processed at once on the calling thread. */
    void deliver(EventMessage event) {
        if ((!isRunAllowed() || isSuspendingOrSuspended()) && !handingOver) {
            return;
        }
        Exchange exchange = createExchange(false);
        try {
            event.fill().accept(exchange.getMessage());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        processedExchanges.increment();
        if (exchange.getException() != null) {
            failedExchanges.increment();
            getExceptionHandler().handleException("Error processing a Web PubSub " + event.type().eventName(), exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
    }

    @Override
    public ClientStatistics connectionStatistics() {
        SharedConnection current = connection;
        return current == null ? null : current.client().statistics();
    }
}
