package io.github.webpubsub.client.session;

import java.util.concurrent.CompletionStage;

/** What the supervisor asks of the client around a new connection. */
public interface SessionHooks {

    /**
     * Joins again the groups the application had joined, on a new connection. The stage completes when every join
     * has been answered, whatever the answer; failures are reported as rejoin-group-failed events.
     */
    CompletionStage<Void> rejoinGroups();
}
