package io.github.webpubsub.client.internal.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hands what the event loop submits to another executor in batches: every task submitted during one turn of the loop
 * goes in one hand-off, at the end of that turn, in order. A socket read that carries 50 acks costs one hand-off
 * instead of 50. Tasks submitted from other threads go straight through.
 */
public final class LoopBatchingExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(LoopBatchingExecutor.class);

    private final Context loop;
    private final Executor target;
    private List<Runnable> batch = new ArrayList<>();
    private boolean scheduled;

    /** Batches what {@code loop} submits, for {@code target}. */
    public LoopBatchingExecutor(Context loop, Executor target) {
        this.loop = loop;
        this.target = target;
    }

    @Override
    public void execute(Runnable task) {
        if (Vertx.currentContext() != loop) {
            target.execute(task);
            return;
        }
        batch.add(task);
        if (!scheduled) {
            scheduled = true;
            loop.runOnContext(v -> handOff());
        }
    }

    private void handOff() {
        scheduled = false;
        List<Runnable> tasks = batch;
        batch = new ArrayList<>();
        target.execute(() -> {
            for (Runnable task : tasks) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.warn("A completion failed: {}", e.toString());
                }
            }
        });
    }
}
