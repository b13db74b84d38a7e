package io.github.webpubsub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;

import io.github.webpubsub.client.internal.util.UrlMasking;

/** Connection strings, minted tokens and masked URLs. */
class CredentialTest {

    private static final String KEY = "k".repeat(40);

    @Test
    void connectionStringsParseAsTheSdksDo() {
        assertThat(ConnectionString.parse("endpoint=https://x.webpubsub.azure.com;accesskey=" + KEY + ";Version=1.0;"))
                .isEqualTo(new ConnectionString("https://x.webpubsub.azure.com", KEY));
        assertThat(ConnectionString.parse("Endpoint=http://localhost;Port=8080;AccessKey=" + KEY).endpoint())
                .isEqualTo("http://localhost:8080");
        assertThat(ConnectionString.parse("Endpoint=x.example.com;AccessKey=" + KEY).clientEndpoint("hub"))
                .isEqualTo("wss://x.example.com/client/hubs/hub");
        assertThat(ConnectionString.parse("Endpoint=http://h:1;AccessKey=" + KEY).toString()).doesNotContain(KEY);
        assertThatThrownBy(() -> ConnectionString.parse("Endpoint=ftp://h;AccessKey=" + KEY)).hasMessageContaining("http");
        assertThatThrownBy(() -> ConnectionString.parse("Endpoint=http://h;Port=0;AccessKey=" + KEY)).hasMessageContaining("Port");
        assertThatThrownBy(() -> ConnectionString.parse("AccessKey=" + KEY)).hasMessageContaining("Endpoint")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void mintedTokensCarryAudienceUserRolesGroupsAndExpiry() {
        ConnectionStringCredential credential = ConnectionStringCredential
                .builder("Endpoint=http://localhost;Port=8080;AccessKey=" + KEY, "chat").userId("alice")
                .roles(List.of("webpubsub.joinLeaveGroup")).groups(List.of("g1")).tokenLifetime(Duration.ofMinutes(5))
                .build();

        URI url = URI.create(credential.mintUrl());

        assertThat(url.getScheme()).isEqualTo("ws");
        assertThat(url.getPath()).isEqualTo("/client/hubs/chat");
        String token = URLDecoder.decode(url.getRawQuery().substring("access_token=".length()), StandardCharsets.UTF_8);
        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(KEY)).build().verify(token);
        assertThat(jwt.getAudience()).containsExactly("http://localhost:8080/client/hubs/chat");
        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaim("role").asList(String.class)).containsExactly("webpubsub.joinLeaveGroup");
        assertThat(jwt.getClaim("webpubsub.group").asList(String.class)).containsExactly("g1");
        assertThat(Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void secretsAreMaskedInUrls() {
        assertThat(UrlMasking.mask("wss://h/client/hubs/c?access_token=abc.def&awps_connection_id=x&awps_reconnection_token=t"))
                .isEqualTo("wss://h/client/hubs/c?access_token=***&awps_connection_id=x&awps_reconnection_token=***");
    }
}
