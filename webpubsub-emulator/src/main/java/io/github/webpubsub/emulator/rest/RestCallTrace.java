package io.github.webpubsub.emulator.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.webpubsub.emulator.trace.TraceEvent;
import io.github.webpubsub.emulator.trace.TraceKind;
import io.github.webpubsub.emulator.trace.TraceSink;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Reports every REST call to the live trace once it is answered: method, path, query and status. Never the
 * Authorization header nor a body; query parameters whose name suggests a secret are left out too.
 */
public final class RestCallTrace implements Handler<RoutingContext> {

    /** The REST paths, data plane and emulator API. */
    public static final String PATHS = "^/(api|emulator)(/.*)?$";

    private static final Pattern HUB = Pattern.compile("^/(?:api|emulator)/hubs/([^/]+)");
    private static final Pattern SECRET = Pattern.compile("(?i).*(access_token|key|secret|signature|sig|password).*");

    private final TraceSink trace;

    public RestCallTrace(TraceSink trace) {
        this.trace = trace;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (trace.active()) {
            String method = ctx.request().method().name();
            String path = ctx.request().path();
            String query = query(ctx);
            ctx.addEndHandler(done -> trace.publish(TraceEvent.of(TraceKind.REST).hub(hub(path)).with("method", method)
                    .with("path", path).with("query", query).with("status", ctx.response().getStatusCode())));
        }
        ctx.next();
    }

    private static String hub(String path) {
        Matcher m = HUB.matcher(path);
        return m.find() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT) : null;
    }

    private static String query(RoutingContext ctx) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> param : ctx.queryParams()) {
            if (!SECRET.matcher(param.getKey()).matches()) {
                query.append(query.length() == 0 ? "" : "&").append(param.getKey()).append('=').append(param.getValue());
            }
        }
        return query.length() == 0 ? null : query.toString();
    }
}
