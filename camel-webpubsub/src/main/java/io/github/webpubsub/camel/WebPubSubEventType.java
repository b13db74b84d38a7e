package io.github.webpubsub.camel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The events a {@code webpubsub} consumer can receive, by their names in the {@code events} option. Besides
 * {@link EventMessage}, which makes each client event its exchange, this is the one other place an event is added:
 * its constant here, and its name in {@link #NAMES}.
 */
public enum WebPubSubEventType {
    /** A message published to the consumer's group. */
    GROUP_MESSAGE("group-message"),
    /** A message the server sent to the connection, its user or everyone. */
    SERVER_MESSAGE("server-message"),
    /** A new connection is ready. */
    CONNECTED("connected"),
    /** A connection ended for good: close code and reason in the headers, the reason also in the body. */
    DISCONNECTED("disconnected"),
    /** The connection stopped and will not reconnect by itself. */
    STOPPED("stopped"),
    /** A group could not be joined again on a new connection. */
    REJOIN_GROUP_FAILED("rejoin-group-failed"),
    /** The socket of a reliable connection dropped and is being recovered. */
    RECOVERING("recovering"),
    /** A dropped reliable connection is open again, nothing lost. */
    RECOVERED("recovered");

    /** The names, as the option's enum list. */
    public static final String NAMES = "group-message,server-message,connected,disconnected,stopped,rejoin-group-failed,"
            + "recovering,recovered";

    private final String eventName;

    WebPubSubEventType(String eventName) {
        this.eventName = eventName;
    }

    /** The name used in the option and in the {@code CamelWebPubSubEventType} header. */
    public String eventName() {
        return eventName;
    }

    /**
     * Parses a comma-separated list of event names.
     *
     * @throws IllegalArgumentException naming the unknown event and the option
     */
    public static Set<WebPubSubEventType> parse(String names) {
        Set<WebPubSubEventType> events = EnumSet.noneOf(WebPubSubEventType.class);
        for (String name : names.split(",")) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            events.add(Arrays.stream(values()).filter(e -> e.eventName.equals(trimmed)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown event '" + name.trim()
                            + "' in option events: expected a comma list of " + NAMES)));
        }
        return events;
    }

    /** The names of a set of events, comma-separated. */
    public static String format(Set<WebPubSubEventType> events) {
        return events.stream().map(WebPubSubEventType::eventName).collect(Collectors.joining(","));
    }
}
