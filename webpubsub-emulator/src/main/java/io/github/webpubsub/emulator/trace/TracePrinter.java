package io.github.webpubsub.emulator.trace;

import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Prints the live trace as JSON lines, the feed's format, to a stream: the CLI's {@code --trace}. It reads on a thread
 * of its own, so that a slow terminal never holds up the event loop; past {@link TraceFeed#DEFAULT_CAPACITY} entries
 * behind, it loses the oldest and prints an {@code overflow} line.
 */
public final class TracePrinter implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webpubsub-emulator-trace-printer");
        t.setDaemon(true);
        return t;
    });
    private final TraceSubscription subscription;
    private final PrintStream out;

    private TracePrinter(TraceFeed feed, TraceFilter filter, PrintStream out) {
        this.out = out;
        this.subscription = feed.subscribe(filter, TraceFeed.DEFAULT_CAPACITY, thread, this::print);
    }

    /** Starts printing every entry the filter picks. */
    public static TracePrinter attach(TraceFeed feed, TraceFilter filter, PrintStream out) {
        return new TracePrinter(feed, filter, out);
    }

    private void print(TraceSubscription s) {
        for (TraceEvent e = s.poll(); e != null; e = s.poll()) {
            out.println(TraceJson.encode(e, s.filter().payloads()));
        }
        out.flush();
    }

    /** Stops printing. */
    @Override
    public void close() {
        subscription.close();
        thread.shutdown();
    }
}
