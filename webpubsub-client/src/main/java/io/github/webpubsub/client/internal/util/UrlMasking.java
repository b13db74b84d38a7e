package io.github.webpubsub.client.internal.util;

import java.util.regex.Pattern;

/** Hides the secrets of a client access URL (access token, reconnection token) before it is printed. */
public final class UrlMasking {

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:access_token|awps_reconnection_token|token|sig|signature|accesskey)=)[^&#]*");

    private UrlMasking() {
    }

    /** The URL with the value of every secret query parameter replaced by {@code ***}. */
    public static String mask(String url) {
        return url == null ? null : SECRET_PARAMETER.matcher(url).replaceAll("$1***");
    }
}
