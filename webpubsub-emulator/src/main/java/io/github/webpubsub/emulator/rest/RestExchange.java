package io.github.webpubsub.emulator.rest;

import java.util.List;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/** One REST request with its path parameters and body, and the ways to answer it. */
public final class RestExchange {

    private final HttpServerRequest request;
    private final Map<String, String> pathParams;
    private final Buffer body;

    RestExchange(HttpServerRequest request, Map<String, String> pathParams, Buffer body) {
        this.request = request;
        this.pathParams = pathParams;
        this.body = body;
    }

    public HttpServerRequest request() {
        return request;
    }

    /** A path parameter, URL-decoded by the router ({@code +} stays a plus). */
    public String path(String name) {
        return pathParams.get(name);
    }

    public String query(String name) {
        return request.getParam(name);
    }

    public List<String> queryAll(String name) {
        return request.params().getAll(name);
    }

    public int intQuery(String name, int defaultValue) {
        String value = request.getParam(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw RestException.badRequest("Query parameter '" + name + "' must be an integer.");
        }
    }

    public Buffer body() {
        return body;
    }

    public String contentType() {
        return request.getHeader(HttpHeaders.CONTENT_TYPE);
    }

    public void status(int status) {
        request.response().setStatusCode(status).end();
    }

    public void json(int status, Object value) {
        String encoded = value instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(value);
        request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(encoded);
    }

    void error(RestException e) {
        JsonObject error = new JsonObject().put("code", e.code()).put("message", e.getMessage());
        request.response().setStatusCode(e.status()).putHeader("x-ms-error-code", e.code())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(request.method().name().equals("HEAD") ? "" : error.encode());
    }
}
