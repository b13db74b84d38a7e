package io.github.webpubsub.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds the URL that recovers a reliable connection: its original URL plus the connection id and token. */
final class RecoveryUrl {

    private RecoveryUrl() {
    }

    static String of(String connectionUrl, String connectionId, String reconnectionToken) {
        String base = withoutRecoveryParameters(connectionUrl);
        String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return base + separator + "awps_connection_id=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
                + "&awps_reconnection_token=" + URLEncoder.encode(reconnectionToken, StandardCharsets.UTF_8);
    }

    /** A provider's URL may itself come from an earlier recovery; its parameters must not appear twice. */
    private static String withoutRecoveryParameters(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringBuilder kept = new StringBuilder(url.substring(0, query + 1));
        for (String parameter : url.substring(query + 1).split("&")) {
            if (!parameter.isEmpty() && !parameter.startsWith("awps_connection_id=")
                    && !parameter.startsWith("awps_reconnection_token=")) {
                kept.append(kept.charAt(kept.length() - 1) == '?' ? "" : "&").append(parameter);
            }
        }
        return kept.toString();
    }
}
