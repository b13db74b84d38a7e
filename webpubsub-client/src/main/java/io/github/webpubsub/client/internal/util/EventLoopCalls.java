package io.github.webpubsub.client.internal.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import io.vertx.core.Context;

/** Runs an asynchronous action on the client's event loop from any thread, and hands back its outcome. */
public final class EventLoopCalls {

    private EventLoopCalls() {
    }

    /**
     * Runs {@code action} on {@code context} and completes the returned stage with the stage it returns. An
     * exception thrown by the action, or a Vert.x that is already closed, fails the stage.
     */
    public static <T> CompletableFuture<T> call(Context context, Supplier<CompletableFuture<T>> action) {
        return call(context, Runnable::run, action);
    }

    /**
     * As {@link #call(Context, Supplier)}, but a stage the action settles on the event loop itself (a request
     * refused at once) is completed on {@code completions}, so that code chained on it never runs on the loop.
     */
    public static <T> CompletableFuture<T> call(Context context, Executor completions,
            Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            context.runOnContext(v -> {
                CompletableFuture<T> inner;
                try {
                    inner = action.get();
                } catch (RuntimeException e) {
                    inner = CompletableFuture.failedFuture(e);
                }
                inner.whenComplete((value, error) -> {
                    Runnable settle = () -> {
                        if (error != null) {
                            result.completeExceptionally(error);
                        } else {
                            result.complete(value);
                        }
                    };
                    if (Context.isOnEventLoopThread()) {
                        completions.execute(settle);
                    } else {
                        settle.run();
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // The application closed the Vert.x it gave us: nothing can run any more.
            result.completeExceptionally(new IllegalStateException("The client's Vert.x instance is closed", e));
        }
        return result;
    }
}
