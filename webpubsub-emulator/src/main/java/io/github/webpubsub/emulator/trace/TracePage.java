package io.github.webpubsub.emulator.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The live trace page, {@code /trace}: one static HTML file with plain JavaScript (no build step, no CDN) that reads
 * {@link TraceSocketEndpoint}'s feed and shows it as a table, with filters, pause and clear.
 */
public final class TracePage implements Handler<RoutingContext> {

    /** The page's path. */
    public static final String PATH = "/trace";

    private static final String RESOURCE = "trace.html";

    private final String html;

    public TracePage() {
        try (InputStream in = TracePage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The live trace page " + RESOURCE + " is missing from the emulator's jar");
            }
            this.html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                // The page talks to its own origin only.
                .putHeader("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                        + "connect-src 'self' ws: wss:")
                .end(html);
    }
}
