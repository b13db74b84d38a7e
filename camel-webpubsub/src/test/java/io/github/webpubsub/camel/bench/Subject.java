package io.github.webpubsub.camel.bench;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** What the benchmark measures: something that publishes acked to a group and hands on what arrives in one. */
interface Subject extends AutoCloseable {

    /** Publishes a text; completes once the service has acked it. */
    CompletableFuture<?> send(String group, String text);

    /** Where the text of every received group message goes. */
    void onMessage(Consumer<String> handler);

    @Override
    default void close() throws Exception {
    }
}
