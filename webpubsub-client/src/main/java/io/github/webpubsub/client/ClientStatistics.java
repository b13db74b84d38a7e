package io.github.webpubsub.client;

import java.util.List;

/**
 * A snapshot of one client's figures, for health checks, consoles and metrics. Counters run from the client's
 * creation; each figure is read without locking, so two of them may be a moment apart.
 *
 * @param state              the state
 * @param connectionId       the current connection, or {@code null}
 * @param userId             the current connection's user, or {@code null}
 * @param groups             the groups the client keeps joined
 * @param sendsInFlight      acked requests written and awaiting their ack
 * @param sendsQueued        requests waiting to be written
 * @param messagesReceived   messages handed to the listeners (redeliveries dropped as duplicates not counted)
 * @param receiveLag         messages received on a reliable connection and not yet acknowledged to the service,
 *                           against its limit of {@link WebPubSubClientOptions#SERVICE_UNACKED_LIMIT}
 * @param recoveries         dropped connections recovered
 * @param reconnections      new connections after one ended for good
 * @param sendRetries        requests sent again after a transient failure
 * @param duplicates         requests the service answered with {@code Duplicate}: an earlier attempt had got through
 * @param malformedMessages  frames from the service that were not valid
 * @param lastCloseCode      the close code of the last socket that closed, or {@code null}
 * @param lastProblem        why the last socket closed or attempt failed, or {@code null}; never a secret
 */
public record ClientStatistics(ClientState state, String connectionId, String userId, List<String> groups,
        int sendsInFlight, int sendsQueued, long messagesReceived, long receiveLag, long recoveries,
        long reconnections, long sendRetries, long duplicates, long malformedMessages, Integer lastCloseCode,
        String lastProblem) {
}
