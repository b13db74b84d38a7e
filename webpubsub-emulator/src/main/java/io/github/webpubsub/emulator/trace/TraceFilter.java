package io.github.webpubsub.emulator.trace;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one reader wants to see: all entries, or those of one hub, connection, group or set of kinds, with or without
 * payload previews. {@code null} fields match everything. Entries that concern no group do not match a group filter.
 *
 * @param hub          a hub name (case-insensitive), or {@code null}
 * @param connectionId a connection id, or {@code null}
 * @param group        a group name, or {@code null}
 * @param kinds        the kinds to see, or {@code null} for all
 * @param payloads     whether message entries carry a preview of their data
 */
public record TraceFilter(String hub, String connectionId, String group, Set<TraceKind> kinds, boolean payloads) {

    /** Everything, without payloads. */
    public static final TraceFilter ALL = new TraceFilter(null, null, null, null, false);

    /**
     * Reads a filter from query parameters: {@code hub}, {@code connectionId}, {@code group}, {@code kind} (repeated or
     * comma-separated) and {@code payloads=true}.
     *
     * @throws IllegalArgumentException when a kind is unknown
     */
    public static TraceFilter fromQuery(java.util.function.Function<String, List<String>> params) {
        Set<TraceKind> kinds = null;
        for (String value : params.apply("kind")) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    if (kinds == null) {
                        kinds = EnumSet.noneOf(TraceKind.class);
                    }
                    kinds.add(TraceKind.fromWire(name));
                }
            }
        }
        return new TraceFilter(first(params, "hub"), first(params, "connectionId"), first(params, "group"), kinds,
                "true".equalsIgnoreCase(first(params, "payloads")));
    }

    private static String first(java.util.function.Function<String, List<String>> params, String name) {
        List<String> values = params.apply(name);
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    /** Whether a reader with this filter sees the entry. */
    public boolean test(TraceEvent entry) {
        return (hub == null || hub.equalsIgnoreCase(entry.hub()))
                && (connectionId == null || connectionId.equals(entry.connectionId()))
                && (group == null || group.equals(entry.group()))
                && (kinds == null || kinds.contains(entry.kind()));
    }
}
