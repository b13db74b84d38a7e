package io.github.webpubsub.emulator.hub;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.github.webpubsub.emulator.protocol.OutboundMessage;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSink;

/**
 * The connections, groups and users of one hub, and the fan-out of messages to them. Only the emulator's event loop
 * touches it, so nothing here locks.
 */
public final class Hub {

    private final String name;
    private final ConnectionLifecycle lifecycle;
    private final Map<String, ClientConnection> connections = new LinkedHashMap<>();
    private final Map<String, Set<ClientConnection>> groups = new HashMap<>();
    private final Map<String, Set<ClientConnection>> users = new HashMap<>();
    /** Groups that a user was added to through REST: the user's later connections join them too. */
    private final Map<String, Set<String>> userGroups = new HashMap<>();

    Hub(String name, ConnectionLifecycle lifecycle) {
        this.name = name;
        this.lifecycle = lifecycle;
    }

    public String name() {
        return name;
    }

    public Collection<ClientConnection> connections() {
        return List.copyOf(connections.values());
    }

    public ClientConnection connection(String connectionId) {
        return connections.get(connectionId);
    }

    public List<ClientConnection> connectionsOfUser(String userId) {
        Set<ClientConnection> set = users.get(userId);
        return set == null ? List.of() : List.copyOf(set);
    }

    public List<ClientConnection> membersOf(String group) {
        Set<ClientConnection> set = groups.get(group);
        return set == null ? List.of() : List.copyOf(set);
    }

    public boolean groupExists(String group) {
        Set<ClientConnection> set = groups.get(group);
        return set != null && !set.isEmpty();
    }

    public boolean userExists(String userId) {
        Set<ClientConnection> set = users.get(userId);
        return set != null && !set.isEmpty();
    }

    void add(ClientConnection connection) {
        connections.put(connection.id(), connection);
        if (connection.userId() != null) {
            users.computeIfAbsent(connection.userId(), u -> new LinkedHashSet<>()).add(connection);
            userGroups.getOrDefault(connection.userId(), Set.of()).forEach(g -> join(connection, g));
        }
    }

    void remove(ClientConnection connection) {
        connections.remove(connection.id());
        for (String group : List.copyOf(connection.mutableGroups())) {
            leave(connection, group);
        }
        if (connection.userId() != null) {
            Set<ClientConnection> set = users.get(connection.userId());
            if (set != null) {
                set.remove(connection);
                if (set.isEmpty()) {
                    users.remove(connection.userId());
                }
            }
        }
    }

    public void join(ClientConnection connection, String group) {
        if (connection.mutableGroups().add(group)) {
            groups.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(connection);
            trace(connection, TraceKind.JOIN_GROUP, group);
        }
    }

    public void leave(ClientConnection connection, String group) {
        if (connection.mutableGroups().remove(group)) {
            trace(connection, TraceKind.LEAVE_GROUP, group);
            Set<ClientConnection> members = groups.get(group);
            if (members != null) {
                members.remove(connection);
                if (members.isEmpty()) {
                    groups.remove(group);
                }
            }
        }
    }

    private void trace(ClientConnection connection, TraceKind kind, String group) {
        TraceSink trace = lifecycle.trace();
        if (trace.active()) {
            trace.publish(connection.traceEntry(kind).with("group", group));
        }
    }

    public void addUserToGroup(String userId, String group) {
        userGroups.computeIfAbsent(userId, u -> new LinkedHashSet<>()).add(group);
        connectionsOfUser(userId).forEach(c -> join(c, group));
    }

    public void removeUserFromGroup(String userId, String group) {
        Set<String> set = userGroups.get(userId);
        if (set != null) {
            set.remove(group);
        }
        connectionsOfUser(userId).forEach(c -> leave(c, group));
    }

    public void removeUserFromAllGroups(String userId) {
        userGroups.remove(userId);
        connectionsOfUser(userId).forEach(c -> c.groups().forEach(g -> leave(c, g)));
    }

    /** Sends one message to each connection the filter accepts, encoding it once. */
    public int deliver(Collection<ClientConnection> targets, OutboundMessage message, Predicate<ClientConnection> filter) {
        int delivered = 0;
        List<ClientConnection> overflowed = null;
        for (ClientConnection target : targets) {
            if (!filter.test(target)) {
                continue;
            }
            delivered++;
            if (!target.deliver(message)) {
                if (overflowed == null) {
                    overflowed = new ArrayList<>();
                }
                overflowed.add(target);
            }
        }
        if (overflowed != null) {
            overflowed.forEach(lifecycle::closeSlowClient);
        }
        return delivered;
    }

    public int sendToGroup(String group, OutboundMessage message, Predicate<ClientConnection> filter) {
        Set<ClientConnection> members = groups.get(group);
        return members == null ? 0 : deliver(members, message, filter);
    }

    public int sendToAll(OutboundMessage message, Predicate<ClientConnection> filter) {
        return deliver(connections.values(), message, filter);
    }
}
