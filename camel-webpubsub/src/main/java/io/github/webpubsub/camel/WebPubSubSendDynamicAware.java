package io.github.webpubsub.camel;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.annotations.SendDynamic;
import org.apache.camel.support.component.SendDynamicAwareSupport;

/**
 * Makes {@code toD("webpubsub:${header.room}?...")} use one endpoint and one producer for every group: the group
 * leaves the URI and travels in the {@link WebPubSubConstants#GROUP} header for that one send, as camel-kafka does
 * with topics. Without it, each group would create an endpoint and a producer of its own.
 */
@SendDynamic("webpubsub")
public class WebPubSubSendDynamicAware extends SendDynamicAwareSupport {

    private static final String SCHEME = "webpubsub:";
    private static final String PREVIOUS_GROUP = "CamelWebPubSubSendDynamicPreviousGroup";

    @Override
    public boolean isLenientProperties() {
        return false;
    }

    @Override
    public DynamicAwareEntry prepare(Exchange exchange, String uri, String originalUri) throws Exception {
        return new DynamicAwareEntry(uri, originalUri, endpointProperties(exchange, uri), null);
    }

    @Override
    public String resolveStaticUri(Exchange exchange, DynamicAwareEntry entry) {
        String group = group(entry.getUri());
        if (group == null) {
            return null;
        }
        String uri = entry.getUri();
        int query = uri.indexOf('?');
        return SCHEME + (query < 0 ? "" : uri.substring(query));
    }

    @Override
    public Processor createPreProcessor(Exchange exchange, DynamicAwareEntry entry) {
        String group = group(entry.getUri());
        if (group == null) {
            return null;
        }
        return ex -> {
            Object previous = ex.getMessage().getHeader(WebPubSubConstants.GROUP);
            if (previous != null) {
                ex.setProperty(PREVIOUS_GROUP, previous);
            }
            ex.getMessage().setHeader(WebPubSubConstants.GROUP, group);
        };
    }

    @Override
    public Processor createPostProcessor(Exchange exchange, DynamicAwareEntry entry) {
        if (group(entry.getUri()) == null) {
            return null;
        }
        return ex -> {
            Object previous = ex.removeProperty(PREVIOUS_GROUP);
            if (previous != null) {
                ex.getMessage().setHeader(WebPubSubConstants.GROUP, previous);
            } else {
                ex.getMessage().removeHeader(WebPubSubConstants.GROUP);
            }
        };
    }

    /** The group in a {@code webpubsub:group?options} URI, or {@code null} when it names none. */
    static String group(String uri) {
        if (!uri.startsWith(SCHEME)) {
            return null;
        }
        String rest = uri.substring(SCHEME.length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        return path.isEmpty() ? null : URLDecoder.decode(path, StandardCharsets.UTF_8);
    }
}
