package io.github.webpubsub.client;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A Web PubSub connection string, {@code Endpoint=https://name.webpubsub.azure.com;AccessKey=...;Version=1.0;}
 * with an optional {@code Port}. Keys are case-insensitive, as in Microsoft's SDKs. {@link #toString()} hides the
 * access key.
 *
 * @param endpoint  the service endpoint, {@code http(s)://host[:port]}, without a trailing slash
 * @param accessKey the key that signs access tokens
 */
public record ConnectionString(String endpoint, String accessKey) {

    /**
     * Parses a connection string.
     *
     * @throws IllegalArgumentException naming what is missing or wrong, never quoting the key
     */
    public static ConnectionString parse(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            throw new IllegalArgumentException("The connection string is empty");
        }
        Map<String, String> values = new HashMap<>();
        for (String segment : connectionString.split(";")) {
            if (segment.isBlank()) {
                continue;
            }
            int equals = segment.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("The connection string has a segment without 'key=value'");
            }
            String key = segment.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            if (values.put(key, segment.substring(equals + 1).trim()) != null) {
                throw new IllegalArgumentException("The connection string has '" + key + "' twice");
            }
        }
        String endpoint = values.get("endpoint");
        String accessKey = values.get("accesskey");
        if (endpoint == null || endpoint.isEmpty()) {
            throw new IllegalArgumentException("The connection string has no Endpoint");
        }
        if (accessKey == null || accessKey.isEmpty()) {
            throw new IllegalArgumentException("The connection string has no AccessKey");
        }
        return new ConnectionString(normalise(endpoint, values.get("port")), accessKey);
    }

    private static String normalise(String endpoint, String port) {
        String withScheme = endpoint.contains("://") ? endpoint : "https://" + endpoint;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The connection string's Endpoint is not a URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("The connection string's Endpoint must be an http or https URL");
        }
        int effectivePort = uri.getPort();
        if (port != null && !port.isEmpty()) {
            try {
                effectivePort = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                effectivePort = -1;
            }
            if (effectivePort < 1 || effectivePort > 65535) {
                throw new IllegalArgumentException("The connection string's Port must be between 1 and 65535");
            }
        }
        return scheme + "://" + uri.getHost() + (effectivePort > 0 ? ":" + effectivePort : "");
    }

    /** The WebSocket base of the client endpoint for a hub: {@code ws(s)://host[:port]/client/hubs/hub}. */
    public String clientEndpoint(String hub) {
        return "ws" + endpoint.substring("http".length()) + "/client/hubs/" + hub;
    }

    /** The audience of client access tokens for a hub, as the SDKs write it. */
    public String clientAudience(String hub) {
        return endpoint + "/client/hubs/" + hub;
    }

    @Override
    public String toString() {
        return "Endpoint=" + endpoint + ";AccessKey=***";
    }
}
