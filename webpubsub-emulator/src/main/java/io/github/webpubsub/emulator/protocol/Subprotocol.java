package io.github.webpubsub.emulator.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The WebSocket subprotocols the emulator speaks. */
public enum Subprotocol {

    JSON("json.webpubsub.azure.v1", false),
    JSON_RELIABLE("json.reliable.webpubsub.azure.v1", true);

    private final String id;
    private final boolean reliable;

    Subprotocol(String id, boolean reliable) {
        this.id = id;
        this.reliable = reliable;
    }

    /** The name in {@code Sec-WebSocket-Protocol}. */
    public String id() {
        return id;
    }

    /** Whether messages carry sequenceIds and the connection can be recovered. */
    public boolean reliable() {
        return reliable;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Subprotocol::id).toList();
    }

    /** Picks the first offered subprotocol that the emulator speaks, in the client's order. */
    public static Optional<Subprotocol> select(String offeredHeader) {
        if (offeredHeader == null) {
            return Optional.empty();
        }
        for (String offered : offeredHeader.split(",")) {
            for (Subprotocol p : values()) {
                if (p.id.equals(offered.trim())) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
