package io.github.webpubsub.emulator;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The emulator's one event loop, as the public API's threads use it: every state change hops onto it, and the caller
 * waits a bounded time for the result.
 */
final class EventLoop {

    private final Context context;
    private final Duration timeout;

    EventLoop(Context context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
    }

    Context context() {
        return context;
    }

    /** Runs an action on the event loop and waits for its result; runs it at once when already there. */
    <T> T call(Callable<T> action) {
        if (Vertx.currentContext() == context) {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                result.complete(action.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The emulator's event loop did not answer within " + timeout.toSeconds() + " s");
        }
    }
}
