package io.github.webpubsub.emulator.rest;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.emulator.auth.AccessTokens;
import io.github.webpubsub.emulator.auth.TokenRejectedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Puts the REST calls on a Vert.x Web {@link Router}, by method and path template
 * ({@code /api/hubs/{hub}/groups/{group}/:send}), and authenticates them as the service does: a bearer JWT signed with
 * the access key whose audience is the request URL. The service's paths contain literal colons ({@code /:send}), which
 * Vert.x Web's own templates would take for parameters, so templates become regular expressions with named groups.
 */
public final class RestRoutes {

    /** The largest REST body the emulator reads; larger ones get 413, as from the service. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RestRoutes.class);
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private final Router router;
    private final AccessTokens tokens;
    private final String endpoint;
    /** No file uploads (they would create a directory) and no form parsing: bodies are message payloads. */
    private final BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES).setMergeFormAttributes(false);

    /**
     * @param endpoint the emulator's own endpoint ({@code http://localhost:PORT}): token audiences may name it, or the
     *                 host the client called
     */
    public RestRoutes(Router router, AccessTokens tokens, String endpoint) {
        this.router = router;
        this.tokens = tokens;
        this.endpoint = endpoint;
    }

    /** Adds a route that requires a bearer token. */
    public RestRoutes route(HttpMethod method, String template, Consumer<RestExchange> handler) {
        return add(method, template, true, handler);
    }

    /** Adds a route that anyone may call. */
    public RestRoutes anonymous(HttpMethod method, String template, Consumer<RestExchange> handler) {
        return add(method, template, false, handler);
    }

    private RestRoutes add(HttpMethod method, String template, boolean authenticated, Consumer<RestExchange> handler) {
        router.routeWithRegex(method, regex(template)).handler(body).handler(ctx -> dispatch(ctx, authenticated, handler));
        return this;
    }

    /** {@code /api/hubs/{hub}/:send} becomes {@code ^\Q/api/hubs/\E(?<hub>[^/]+?)\Q/:send\E/?$}. */
    static String regex(String template) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("(?<").append(m.group(1)).append(">[^/]+?)");
            last = m.end();
        }
        return regex.append(Pattern.quote(template.substring(last))).append("/?$").toString();
    }

    private void dispatch(RoutingContext ctx, boolean authenticated, Consumer<RestExchange> handler) {
        HttpServerRequest request = ctx.request();
        Buffer content = ctx.body().buffer();
        RestExchange exchange = new RestExchange(request, ctx.pathParams(), content == null ? Buffer.buffer() : content);
        try {
            if (authenticated) {
                authenticate(request);
            }
            handler.accept(exchange);
        } catch (RestException e) {
            LOG.info("{} {} answered {}: {}", request.method(), request.path(), e.status(), e.getMessage());
            exchange.error(e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", request.method(), request.path(), e);
            exchange.error(new RestException(500, "InternalServerError", "The emulator failed: " + e));
        }
    }

    /** The answer to a body over {@link #MAX_BODY_BYTES}, in the service's error format. */
    public static void payloadTooLarge(RoutingContext ctx) {
        new RestExchange(ctx.request(), Map.of(), null).error(new RestException(413, "PayloadTooLarge",
                "The body is larger than " + MAX_BODY_BYTES + " bytes."));
    }

    private void authenticate(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RestException(401, "Unauthorized", "An Authorization: Bearer <JWT> header is required.");
        }
        String host = request.getHeader(HttpHeaders.HOST);
        String uri = request.uri();
        try {
            tokens.verify(authorization.substring(7).trim(), aud -> (host != null && AccessTokens.sameUrl(aud, "http://" + host + uri, false))
                    || AccessTokens.sameUrl(aud, endpoint + uri, false));
        } catch (TokenRejectedException e) {
            throw new RestException(401, "Unauthorized", e.getMessage());
        }
    }
}
