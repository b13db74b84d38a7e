package io.github.webpubsub.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.ToDoubleFunction;

import io.github.webpubsub.client.ClientState;
import io.github.webpubsub.client.ClientStatistics;
import io.github.webpubsub.client.SendFailedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of one shared connection, tagged {@code connection} (hub/user, with {@code #2}, {@code #3}... for
 * further open connections of the same hub and user but other options): registered together when it opens, so
 * that a send only records into meters it already holds, and removed together when it closes. A counter of failed
 * sends per reason is registered on the first such failure; none is registered once the meters are removed.
 */
final class ConnectionMeters {

    static final String SENDS = "webpubsub.sends";
    static final String ACK_LATENCY = "webpubsub.send.ack.latency";
    private static final String NO_REASON = "none";

    private final MeterRegistry registry;
    private final Tags tags;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter sent;
    private final Timer ackedLatency;
    private final Timer failedLatency;
    /** Failed sends by reason: the service's or the client's error name, else the exception's type. */
    private final Map<String, Counter> failed = new HashMap<>();
    private final String tag;
    private boolean removed;

    /** The meters of {@code connection}, tagged {@code tag}. */
    ConnectionMeters(MeterRegistry registry, SharedConnection connection, String tag) {
        this.registry = registry;
        this.tag = tag;
        this.tags = Tags.of("connection", tag);
        counter(connection, "webpubsub.messages.received", "Messages handed to the routes",
                ClientStatistics::messagesReceived);
        counter(connection, "webpubsub.messages.malformed", "Frames from the service that were not valid",
                ClientStatistics::malformedMessages);
        counter(connection, "webpubsub.sends.retries", "Requests sent again after a transient failure",
                ClientStatistics::sendRetries);
        counter(connection, "webpubsub.sends.duplicates", "Requests the service answered with Duplicate",
                ClientStatistics::duplicates);
        counter(connection, "webpubsub.connection.recoveries", "Dropped connections recovered",
                ClientStatistics::recoveries);
        counter(connection, "webpubsub.connection.reconnections", "New connections after one ended for good",
                ClientStatistics::reconnections);
        gauge(connection, "webpubsub.sends.in.flight", "Acked requests awaiting their ack",
                ClientStatistics::sendsInFlight);
        gauge(connection, "webpubsub.sends.queued", "Requests waiting to be written", ClientStatistics::sendsQueued);
        gauge(connection, "webpubsub.receive.lag", "Received messages not yet acknowledged, of the service's 1000",
                ClientStatistics::receiveLag);
        gauge(connection, "webpubsub.connection.connected", "1 while the connection is connected, else 0",
                s -> s.state() == ClientState.CONNECTED ? 1 : 0);
        gauge(connection, "webpubsub.groups", "Groups the connection is in, or joins on its next connection",
                s -> s.groups().size());
        gauge(connection, "webpubsub.connection.last.close.code", "The last close code, NaN before any",
                s -> s.lastCloseCode() == null ? Double.NaN : s.lastCloseCode());
        sent = sendsCounter("success", NO_REASON);
        ackedLatency = latencyTimer("success");
        failedLatency = latencyTimer("failure");
    }

    /** Records one completed send: its outcome, and its ack latency unless {@code ackLatency} is null. */
    void sendCompleted(Duration ackLatency, Throwable failure) {
        if (failure == null) {
            sent.increment();
        } else {
            Counter counter = failedCounter(reason(failure));
            if (counter != null) {
                counter.increment();
            }
        }
        if (ackLatency != null) {
            (failure == null ? ackedLatency : failedLatency).record(ackLatency);
        }
    }

    /** Removes every meter of the connection from the registry. */
    synchronized void remove() {
        removed = true;
        meters.forEach(registry::remove);
        meters.clear();
        failed.clear();
    }

    private synchronized Counter failedCounter(String reason) {
        if (removed) {
            return null;
        }
        return failed.computeIfAbsent(reason, r -> sendsCounter("failure", r));
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof SendFailedException sendFailed && sendFailed.errorName() != null ? sendFailed.errorName()
                : cause.getClass().getSimpleName();
    }

    private Counter sendsCounter(String outcome, String reason) {
        return add(Counter.builder(SENDS).description("Sends, joins and leaves completed, by outcome and reason")
                .tags(tags).tag("outcome", outcome).tag("reason", reason).register(registry));
    }

    private Timer latencyTimer(String outcome) {
        return add(Timer.builder(ACK_LATENCY).description("From a send to the service's ack").tags(tags)
                .tag("outcome", outcome).register(registry));
    }

    private void counter(SharedConnection connection, String name, String description,
            ToDoubleFunction<ClientStatistics> value) {
        add(FunctionCounter.builder(name, connection, c -> value.applyAsDouble(c.client().statistics()))
                .description(description).tags(tags).register(registry));
    }

    private void gauge(SharedConnection connection, String name, String description,
            ToDoubleFunction<ClientStatistics> value) {
        add(Gauge.builder(name, connection, c -> value.applyAsDouble(c.client().statistics()))
                .description(description).tags(tags).register(registry));
    }

    private <M extends Meter> M add(M meter) {
        meters.add(meter);
        return meter;
    }

    /** The value of the connection tag. */
    String tag() {
        return tag;
    }
}
