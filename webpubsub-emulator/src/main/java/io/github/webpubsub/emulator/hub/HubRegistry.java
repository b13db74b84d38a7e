package io.github.webpubsub.emulator.hub;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The hubs, created on first use. Hub names are case-insensitive, as on the service. */
public final class HubRegistry {

    private final ConnectionLifecycle lifecycle;
    private final Map<String, Hub> hubs = new TreeMap<>();

    HubRegistry(ConnectionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public Hub hub(String name) {
        return hubs.computeIfAbsent(key(name), k -> new Hub(k, lifecycle));
    }

    public Collection<Hub> all() {
        return List.copyOf(hubs.values());
    }

    public static String key(String hubName) {
        return hubName.toLowerCase(Locale.ROOT);
    }
}
