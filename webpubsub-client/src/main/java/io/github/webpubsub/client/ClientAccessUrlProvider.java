package io.github.webpubsub.client;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.webpubsub.client.internal.util.UrlMasking;

/**
 * Supplies the client access URL ({@code wss://host/client/hubs/hub?access_token=...}) for each new connection. A
 * recovery reuses the URL of the connection it recovers, so the provider is asked again only when a connection
 * starts from scratch; a provider that calls an app server's negotiate endpoint hands out fresh tokens that way.
 * <p>
 * It may complete on any thread; the client hops back to its own event loop.
 */
@FunctionalInterface
public interface ClientAccessUrlProvider {

    /** The URL for the next new connection. */
    CompletionStage<String> clientAccessUrl();

    /** A provider that always returns the same URL; its token must still be valid when a new connection starts. */
    static ClientAccessUrlProvider fixed(String clientAccessUrl) {
        Objects.requireNonNull(clientAccessUrl, "clientAccessUrl");
        return new ClientAccessUrlProvider() {
            @Override
            public CompletionStage<String> clientAccessUrl() {
                return CompletableFuture.completedFuture(clientAccessUrl);
            }

            @Override
            public String toString() {
                return "fixed URL " + UrlMasking.mask(clientAccessUrl);
            }
        };
    }
}
