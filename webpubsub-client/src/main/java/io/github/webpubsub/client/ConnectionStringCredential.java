package io.github.webpubsub.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;


/**
 * Mints a client access URL from a connection string, the way the service SDKs do: an HS256 token signed with the
 * access key, for one hub, with the user id as {@code sub}, roles in {@code role} and initial groups in
 * {@code webpubsub.group}. A fresh token is minted for every new connection, so its lifetime only has to cover the
 * handshake.
 */
public final class ConnectionStringCredential implements ClientAccessUrlProvider {

    /** The token lifetime the SDKs use by default. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    private final ConnectionString connectionString;
    private final String hub;
    private final String userId;
    private final List<String> roles;
    private final List<String> groups;
    private final Duration tokenLifetime;
    private final Algorithm signer;

    private ConnectionStringCredential(Builder builder) {
        this.connectionString = ConnectionString.parse(builder.connectionString);
        this.hub = Names.requireHub(builder.hub);
        this.userId = builder.userId;
        this.roles = List.copyOf(builder.roles);
        this.groups = List.copyOf(builder.groups);
        this.tokenLifetime = Objects.requireNonNull(builder.tokenLifetime, "tokenLifetime");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("The token lifetime must be positive");
        }
        groups.forEach(Names::requireGroup);
        this.signer = Algorithm.HMAC256(connectionString.accessKey());
    }

    /** A builder; {@code connectionString} and {@code hub} are required. */
    public static Builder builder(String connectionString, String hub) {
        return new Builder(connectionString, hub);
    }

    /** The hub this credential connects to. */
    public String hub() {
        return hub;
    }

    @Override
    public CompletionStage<String> clientAccessUrl() {
        return CompletableFuture.completedFuture(mintUrl());
    }

    /** A client access URL with a freshly minted token. */
    public String mintUrl() {
        Instant now = Instant.now();
        JWTCreator.Builder token = JWT.create()
                .withAudience(connectionString.clientAudience(hub))
                .withIssuedAt(now)
                // A unique id, so two tokens minted within one second still differ: every connection gets its own.
                .withJWTId(UUID.randomUUID().toString())
                .withExpiresAt(now.plus(tokenLifetime));
        if (userId != null) {
            token.withSubject(userId);
        }
        if (!roles.isEmpty()) {
            token.withArrayClaim("role", roles.toArray(String[]::new));
        }
        if (!groups.isEmpty()) {
            token.withArrayClaim("webpubsub.group", groups.toArray(String[]::new));
        }
        return connectionString.clientEndpoint(hub) + "?access_token="
                + URLEncoder.encode(token.sign(signer), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "connection string for " + connectionString.endpoint() + ", hub " + hub;
    }

    /** Builds a {@link ConnectionStringCredential}. */
    public static final class Builder {
        private final String connectionString;
        private final String hub;
        private String userId;
        private List<String> roles = List.of();
        private List<String> groups = List.of();
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

        private Builder(String connectionString, String hub) {
            this.connectionString = connectionString;
            this.hub = hub;
        }

        /** The user id of the connection ({@code sub}); none by default. */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** Roles, such as {@code webpubsub.joinLeaveGroup} or {@code webpubsub.sendToGroup.chat}; none by default. */
        public Builder roles(List<String> roles) {
            this.roles = Objects.requireNonNull(roles, "roles");
            return this;
        }

        /** Groups the service joins the connection to when it connects; none by default. */
        public Builder groups(List<String> groups) {
            this.groups = Objects.requireNonNull(groups, "groups");
            return this;
        }

        /** How long each minted token is valid; one hour by default. */
        public Builder tokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
            return this;
        }

        /**
         * The credential.
         *
         * @throws IllegalArgumentException for a malformed connection string, hub or group, or a lifetime that is not
         *                                  positive
         */
        public ConnectionStringCredential build() {
            return new ConnectionStringCredential(this);
        }
    }
}
