package io.github.webpubsub.camel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

import io.github.webpubsub.client.ClientStatistics;
import io.github.webpubsub.client.WebPubSubClientOptions;

/**
 * Camel's developer console for Web PubSub: each shared connection with its state, groups, sends in flight and
 * queued, messages received, receive lag against the service's limit, recoveries, reconnections, retries,
 * duplicates, malformed frames and the last close. No secret is shown.
 */
@DevConsole(name = "webpubsub", displayName = "Web PubSub", description = "Azure Web PubSub connections")
public class WebPubSubDevConsole extends AbstractDevConsole {

    public WebPubSubDevConsole() {
        super("camel", "webpubsub", "Web PubSub", "Azure Web PubSub connections");
    }

    private List<SharedConnection> connections() {
        WebPubSubComponent component = getCamelContext().getComponent("webpubsub", false, false) instanceof
                WebPubSubComponent c ? c : null;
        return component == null ? List.of() : component.connections().snapshot();
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (SharedConnection connection : connections()) {
            ClientStatistics s = connection.client().statistics();
            text.append(String.format("Connection %s: %s, connectionId %s, user %s%n", connection.name(), s.state(),
                    s.connectionId(), s.userId()));
            text.append(String.format("    groups: %s%n", String.join(", ", s.groups())));
            text.append(String.format("    sends in flight %d, queued %d, retries %d, duplicates %d%n",
                    s.sendsInFlight(), s.sendsQueued(), s.sendRetries(), s.duplicates()));
            text.append(String.format("    messages received %d, receive lag %d of %d, malformed %d%n",
                    s.messagesReceived(), s.receiveLag(), WebPubSubClientOptions.SERVICE_UNACKED_LIMIT,
                    s.malformedMessages()));
            text.append(String.format("    recoveries %d, reconnections %d, last close code %s, last problem %s%n",
                    s.recoveries(), s.reconnections(), s.lastCloseCode(), s.lastProblem()));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SharedConnection connection : connections()) {
            list.add(toJson(connection.name(), connection.client().statistics()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("connections", list);
        return root;
    }

    /** One connection's figures under the names the console, JMX and metrics share. */
    static Map<String, Object> toJson(String name, ClientStatistics s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("state", s.state().name());
        json.put("connectionId", s.connectionId());
        json.put("userId", s.userId());
        json.put("groups", s.groups());
        json.put("sendsInFlight", s.sendsInFlight());
        json.put("sendsQueued", s.sendsQueued());
        json.put("messagesReceived", s.messagesReceived());
        json.put("receiveLag", s.receiveLag());
        json.put("receiveLagLimit", WebPubSubClientOptions.SERVICE_UNACKED_LIMIT);
        json.put("recoveries", s.recoveries());
        json.put("reconnections", s.reconnections());
        json.put("sendRetries", s.sendRetries());
        json.put("duplicates", s.duplicates());
        json.put("malformedMessages", s.malformedMessages());
        json.put("lastCloseCode", s.lastCloseCode());
        json.put("lastProblem", s.lastProblem());
        return json;
    }
}
