package io.github.webpubsub.camel;

import java.time.Instant;
import java.util.Optional;

import org.apache.camel.spi.StateRepository;

import io.github.webpubsub.client.ConnectionState;
import io.github.webpubsub.client.ConnectionStateStore;

/**
 * A connection's recovery state in a Camel {@link StateRepository}, under one key per hub and user, as one value:
 * {@code connectionId userId token ackedSequenceId updatedAtMillis}, space-separated (none of them holds a space).
 * A repository has no lock, so {@link #tryLock()} always succeeds: exclusivity is the application's (a clustered
 * route policy, for example).
 */
final class StateRepositoryConnectionStore implements ConnectionStateStore {

    private static final String NO_USER = "-";

    private final StateRepository<String, String> repository;
    private final String key;

    StateRepositoryConnectionStore(StateRepository<String, String> repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    @Override
    public boolean tryLock() {
        return true;
    }

    @Override
    public void unlock() {
    }

    @Override
    public Optional<ConnectionState> load() {
        String value = repository.getState(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String[] fields = value.trim().split(" ");
        if (fields.length != 5) {
            throw new IllegalStateException("The state under " + key + " is not a connection state (" + fields.length
                    + " fields)");
        }
        return Optional.of(new ConnectionState(fields[0], NO_USER.equals(fields[1]) ? null : fields[1], fields[2],
                Long.parseLong(fields[3]), Instant.ofEpochMilli(Long.parseLong(fields[4]))));
    }

    @Override
    public void save(ConnectionState state) {
        repository.setState(key, state.connectionId() + " " + (state.userId() == null ? NO_USER : state.userId()) + " "
                + state.reconnectionToken() + " " + state.ackedSequenceId() + " " + state.updatedAt().toEpochMilli());
    }

    @Override
    public void clear() {
        // A repository cannot remove a key: blank means none.
        repository.setState(key, "");
    }

    @Override
    public String toString() {
        return "state repository key " + key;
    }
}
