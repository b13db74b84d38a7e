package io.github.webpubsub.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A client's {@code event} request, as the app server would receive it.
 *
 * @param hub          the hub, lower case
 * @param connectionId the sending connection
 * @param userId       the sender's user id, or {@code null}
 * @param event        the event name
 * @param dataType     {@code json}, {@code text}, {@code binary} or {@code protobuf}
 * @param data         the JSON text for json, the text for text, base64 for binary and protobuf
 */
public record UserEvent(String hub, String connectionId, String userId, String event, String dataType, String data) {

    /** The data as bytes: decoded from base64 for binary data, UTF-8 otherwise. */
    public byte[] bytes() {
        return dataType.equals("binary") || dataType.equals("protobuf") ? Base64.getDecoder().decode(data)
                : data.getBytes(StandardCharsets.UTF_8);
    }
}
