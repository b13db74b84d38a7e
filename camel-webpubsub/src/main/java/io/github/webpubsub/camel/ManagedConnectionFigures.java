package io.github.webpubsub.camel;

import org.apache.camel.api.management.ManagedAttribute;

import io.github.webpubsub.client.ClientStatistics;

/**
 * The figures of a shared connection, as JMX attributes of the webpubsub consumers and producers that use it. Written
 * once here; each of them only says where its connection's statistics come from.
 */
public interface ManagedConnectionFigures {

    /** The statistics of the shared connection now, or {@code null} while there is none. */
    ClientStatistics connectionStatistics();

    /** The state of this endpoint's shared connection. */
    @ManagedAttribute(description = "State of the shared connection")
    default String getConnectionState() {
        ClientStatistics s = connectionStatistics();
        return s == null ? "STOPPED" : s.state().name();
    }

    /** The id of the shared connection, or null. */
    @ManagedAttribute(description = "Id of the shared connection")
    default String getConnectionId() {
        ClientStatistics s = connectionStatistics();
        return s == null ? null : s.connectionId();
    }

    /** The user of the shared connection, or null. */
    @ManagedAttribute(description = "User of the shared connection")
    default String getConnectionUserId() {
        ClientStatistics s = connectionStatistics();
        return s == null ? null : s.userId();
    }

    /** The groups the shared connection keeps joined. */
    @ManagedAttribute(description = "Groups the shared connection keeps joined")
    default String getGroups() {
        ClientStatistics s = connectionStatistics();
        return s == null ? "" : String.join(",", s.groups());
    }

    /** Acked requests awaiting their ack. */
    @ManagedAttribute(description = "Acked requests awaiting their ack")
    default int getSendsInFlight() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.sendsInFlight();
    }

    /** Requests waiting to be written. */
    @ManagedAttribute(description = "Requests waiting to be written")
    default int getSendsQueued() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.sendsQueued();
    }

    /** Messages the shared connection handed to its routes. */
    @ManagedAttribute(description = "Messages received")
    default long getMessagesReceived() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.messagesReceived();
    }

    /** Received messages not yet acknowledged to the service, of its limit of 1000. */
    @ManagedAttribute(description = "Received messages not yet acknowledged, of the service's 1000")
    default long getReceiveLag() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.receiveLag();
    }

    /** Dropped connections recovered. */
    @ManagedAttribute(description = "Dropped connections recovered")
    default long getRecoveries() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.recoveries();
    }

    /** New connections after one ended for good. */
    @ManagedAttribute(description = "New connections after one ended for good")
    default long getReconnections() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.reconnections();
    }

    /** Requests sent again after a transient failure. */
    @ManagedAttribute(description = "Requests sent again after a transient failure")
    default long getSendRetries() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.sendRetries();
    }

    /** Requests the service answered with Duplicate. */
    @ManagedAttribute(description = "Requests the service answered with Duplicate")
    default long getDuplicates() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.duplicates();
    }

    /** Frames from the service that were not valid. */
    @ManagedAttribute(description = "Malformed frames from the service")
    default long getMalformedMessages() {
        ClientStatistics s = connectionStatistics();
        return s == null ? 0 : s.malformedMessages();
    }

    /** The close code of the last socket that closed, or null. */
    @ManagedAttribute(description = "Close code of the last socket that closed")
    default Integer getLastCloseCode() {
        ClientStatistics s = connectionStatistics();
        return s == null ? null : s.lastCloseCode();
    }

    /** Why the last socket closed or attempt failed; never a secret. */
    @ManagedAttribute(description = "Why the last socket closed or attempt failed")
    default String getLastProblem() {
        ClientStatistics s = connectionStatistics();
        return s == null ? null : s.lastProblem();
    }
}
