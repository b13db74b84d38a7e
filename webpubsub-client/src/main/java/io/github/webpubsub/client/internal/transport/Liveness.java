package io.github.webpubsub.client.internal.transport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * Keeps one socket honest: pings it on an interval, and reports it as dead when nothing (no message, no pong) has
 * arrived for the idle timeout. A half-open TCP connection otherwise looks alive forever. Event loop only.
 */
final class Liveness {

    private final Vertx vertx;
    private final Duration pingInterval;
    private final Duration idleTimeout;
    private final BooleanSupplier pausedByUs;

    private long pingTimer = -1;
    private long idleTimer = -1;
    private long lastReceivedNanos;

    Liveness(Vertx vertx, Duration pingInterval, Duration idleTimeout, BooleanSupplier pausedByUs) {
        this.vertx = vertx;
        this.pingInterval = pingInterval;
        this.idleTimeout = idleTimeout;
        this.pausedByUs = pausedByUs;
    }

    /** Starts pinging through {@code ping}; {@code dead} is called at most once, with the reason. */
    void watch(Consumer<Buffer> ping, Consumer<String> dead) {
        received();
        long pingMillis = pingInterval.toMillis();
        if (pingMillis > 0) {
            pingTimer = vertx.setPeriodic(pingMillis, t -> ping.accept(Buffer.buffer()));
        }
        long idleNanos = idleTimeout.toNanos();
        if (idleNanos > 0) {
            idleTimer = vertx.setPeriodic(Math.max(100, idleTimeout.toMillis() / 4), t -> {
                if (pausedByUs.getAsBoolean()) {
                    // We stopped reading ourselves: silence now says nothing about the service.
                    received();
                } else if (System.nanoTime() - lastReceivedNanos > idleNanos) {
                    stop();
                    dead.accept("nothing received for " + idleTimeout);
                }
            });
        }
    }

    /** Something arrived on the socket. */
    void received() {
        lastReceivedNanos = System.nanoTime();
    }

    void stop() {
        if (pingTimer >= 0) {
            vertx.cancelTimer(pingTimer);
        }
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
        }
        pingTimer = idleTimer = -1;
    }
}
