package io.github.webpubsub.examples;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/** The chat page and its negotiate endpoint, on Camel Main's embedded HTTP server. */
final class WebRoutes extends RouteBuilder {

    private final Negotiator negotiator;

    WebRoutes(Negotiator negotiator) {
        this.negotiator = negotiator;
    }

    @Override
    public void configure() {
        // One explicit page rather than static file serving, which would also serve the classpath.
        from("platform-http:/?httpMethodRestrict=GET").routeId("chat-page")
                .setHeader(Exchange.CONTENT_TYPE, constant("text/html; charset=utf-8"))
                .setBody(simple("resource:classpath:web/chat.html"));

        from("platform-http:/negotiate?httpMethodRestrict=GET").routeId("negotiate")
                .process(negotiator);
    }
}
