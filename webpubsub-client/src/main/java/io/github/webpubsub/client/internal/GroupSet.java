package io.github.webpubsub.client.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The groups the application joined, in order; joined again on every new connection. Changed on the event loop,
 * read from anywhere.
 */
final class GroupSet {

    private final Set<String> groups = new LinkedHashSet<>();

    synchronized void add(String group) {
        groups.add(group);
    }

    synchronized void remove(String group) {
        groups.remove(group);
    }

    synchronized List<String> snapshot() {
        return List.copyOf(groups);
    }
}
