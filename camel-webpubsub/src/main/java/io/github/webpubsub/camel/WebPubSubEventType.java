package io.github.webpubsub.camel;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The events a {@code webpubsub} consumer can receive, by their names in the {@code events} option. */
public enum WebPubSubEventType {
    GROUP_MESSAGE("group-message"),
    SERVER_MESSAGE("server-message"),
    CONNECTED("connected"),
    DISCONNECTED("disconnected"),
    STOPPED("stopped"),
    REJOIN_GROUP_FAILED("rejoin-group-failed");

    /** The names, as the option's enum list. */
    public static final String NAMES = "group-message,server-message,connected,disconnected,stopped,rejoin-group-failed";

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
