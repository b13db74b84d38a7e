package io.github.webpubsub.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.azure.core.http.rest.RequestOptions;
import com.azure.core.util.BinaryData;
import com.azure.messaging.webpubsub.WebPubSubServiceClient;
import com.azure.messaging.webpubsub.WebPubSubServiceClientBuilder;
import com.azure.messaging.webpubsub.models.WebPubSubContentType;

import io.github.webpubsub.emulator.junit.WebPubSubEmulatorExtension;
import io.github.webpubsub.emulator.support.RawClient;

/** Filtered sends: which connections a filter selects, as seen by the connections themselves. */
class ODataFilterTest {

    private static final String HUB = "hub1";

    @RegisterExtension
    static WebPubSubEmulatorExtension emulator = new WebPubSubEmulatorExtension();

    @Test
    void filtersSelectByUserConnectionAndGroups() {
        WebPubSubServiceClient sdk = new WebPubSubServiceClientBuilder().connectionString(emulator.get().connectionString())
                .hub(HUB).buildClient();
        try (RawClient alice = RawClient.reliable(emulator.get().clientAccessUrl(HUB, "alice", List.of(), List.of("red")));
                RawClient bob = RawClient.reliable(emulator.get().clientAccessUrl(HUB, "Bob", List.of(), List.of("red", "blue")));
                RawClient carol = RawClient.reliable(emulator.get().clientAccessUrl(HUB, "carol", List.of(), List.of()))) {
            alice.connected();
            String bobId = bob.connected().getString("connectionId");
            carol.connected();

            send(sdk, "1", "userId eq 'bob'");
            send(sdk, "2", "'red' in groups and not ('blue' in groups)");
            send(sdk, "3", "userId in ('alice', 'carol') or connectionId eq '" + bobId + "'");
            send(sdk, "4", "startswith(userId, 'CA') or length(userId) eq 3");
            send(sdk, "5", "userId ne null and tolower(substring(userId, 1, 2)) eq 'li'");

            org.awaitility.Awaitility.await().until(() -> carol.messages().size() == 2 && alice.messages().size() == 3
                    && bob.messages().size() == 3);
            assertThat(alice.messages()).extracting(m -> m.getString("data")).containsExactly("2", "3", "5");
            assertThat(bob.messages()).extracting(m -> m.getString("data")).containsExactly("1", "3", "4");
            assertThat(carol.messages()).extracting(m -> m.getString("data")).containsExactly("3", "4");
        }
    }

    private static void send(WebPubSubServiceClient sdk, String text, String filter) {
        sdk.sendToAllWithResponse(BinaryData.fromString(text), WebPubSubContentType.TEXT_PLAIN, text.length(),
                new RequestOptions().addQueryParam("filter", filter));
    }

    @Test
    void aMalformedFilterIsRejected() {
        assertThatThrownBy(() -> ODataFilter.parse("userId eq")).hasMessageContaining("ends too early");
        assertThatThrownBy(() -> ODataFilter.parse("color eq 'red'")).hasMessageContaining("Unknown identifier 'color'");
        assertThatThrownBy(() -> ODataFilter.parse("userId eq 'x")).hasMessageContaining("Unterminated");
    }
}
