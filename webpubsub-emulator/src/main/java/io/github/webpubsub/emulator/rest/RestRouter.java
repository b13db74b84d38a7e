package io.github.webpubsub.emulator.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.webpubsub.emulator.auth.AccessTokens;
import io.github.webpubsub.emulator.auth.TokenRejectedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Routes REST calls by method and path template ({@code /api/hubs/{hub}/groups/{group}/:send}) and authenticates them
 * as the service does: a bearer JWT signed with the access key whose audience is the request URL.
 */
public final class RestRouter {

    private static final Logger LOG = LoggerFactory.getLogger(RestRouter.class);
    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private record Route(HttpMethod method, Pattern pattern, List<String> params, boolean authenticated,
            Consumer<RestExchange> handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final AccessTokens tokens;
    private final String endpoint;

    public RestRouter(AccessTokens tokens, String endpoint) {
        this.tokens = tokens;
        this.endpoint = endpoint;
    }

    public RestRouter route(HttpMethod method, String template, Consumer<RestExchange> handler) {
        return add(method, template, true, handler);
    }

    public RestRouter anonymous(HttpMethod method, String template, Consumer<RestExchange> handler) {
        return add(method, template, false, handler);
    }

    private RestRouter add(HttpMethod method, String template, boolean authenticated, Consumer<RestExchange> handler) {
        StringBuilder regex = new StringBuilder("^");
        List<String> params = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+?)");
            params.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?$");
        routes.add(new Route(method, Pattern.compile(regex.toString()), params, authenticated, handler));
        return this;
    }

    /** Handles a request if a route's path matches it; returns false when none does. */
    public boolean handle(HttpServerRequest request) {
        String path = request.path();
        boolean pathMatched = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathMatched = true;
            if (!route.method().equals(request.method())) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < route.params().size(); i++) {
                params.put(route.params().get(i), m.group(i + 1));
            }
            dispatch(request, route, params);
            return true;
        }
        if (pathMatched) {
            request.response().setStatusCode(405).end();
            return true;
        }
        return false;
    }

    private void dispatch(HttpServerRequest request, Route route, Map<String, String> params) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BODY_BYTES) {
            new RestExchange(request, params, null).error(new RestException(413, "PayloadTooLarge",
                    "The body is larger than " + MAX_BODY_BYTES + " bytes."));
            return;
        }
        request.body().onSuccess(body -> {
            RestExchange exchange = new RestExchange(request, params, body);
            try {
                if (route.authenticated()) {
                    authenticate(request);
                }
                route.handler().accept(exchange);
            } catch (RestException e) {
                LOG.info("{} {} answered {}: {}", request.method(), request.path(), e.status(), e.getMessage());
                exchange.error(e);
            } catch (RuntimeException e) {
                LOG.error("{} {} failed", request.method(), request.path(), e);
                exchange.error(new RestException(500, "InternalServerError", "The emulator failed: " + e));
            }
        });
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
