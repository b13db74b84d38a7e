package io.github.webpubsub.client.internal.util;

import java.util.concurrent.CompletionException;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;

/** Failures as one line for logs and events, with every secret masked. */
public final class Failures {

    private Failures() {
    }

    /** The HTTP status of a refused handshake, or 0 when the failure was something else. */
    public static int rejectedStatus(Throwable failure) {
        return failure instanceof UpgradeRejectedException rejected ? rejected.getStatus() : 0;
    }

    /** Why a handshake was refused, from the response body, shortened and with any secret masked. */
    public static String rejectionDetail(Throwable failure) {
        if (!(failure instanceof UpgradeRejectedException rejected)) {
            return "";
        }
        Buffer body = rejected.getBody();
        if (body == null || body.length() == 0) {
            return "";
        }
        String text = body.toString().strip();
        return ": " + UrlMasking.mask(text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }

    /** A failure as one line: its type and message, with any secret masked. */
    public static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage();
        return UrlMasking.mask(cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
}
