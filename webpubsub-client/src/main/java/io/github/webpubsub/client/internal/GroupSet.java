package io.github.webpubsub.client.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The groups the application joined, in order; joined again on every new connection. Event loop only. */
final class GroupSet {

    private final Set<String> groups = new LinkedHashSet<>();

    void add(String group) {
        groups.add(group);
    }

    void remove(String group) {
        groups.remove(group);
    }

    List<String> snapshot() {
        return List.copyOf(groups);
    }
}
