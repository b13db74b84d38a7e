package io.github.webpubsub.emulator.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;

/**
 * Mints and verifies the HS256 JWTs of Web PubSub. As the service and its SDKs do, the key is the UTF-8 bytes of the
 * access key string, not its base64 decoding.
 */
public final class AccessTokens {

    /** The clock skew the service tolerates on {@code exp}, {@code nbf} and {@code iat}. */
    private static final long LEEWAY_SECONDS = 300;

    private final Algorithm algorithm;
    private final JWTVerifier verifier;

    public AccessTokens(String accessKey) {
        this.algorithm = Algorithm.HMAC256(accessKey.getBytes(StandardCharsets.UTF_8));
        this.verifier = JWT.require(algorithm).acceptLeeway(LEEWAY_SECONDS).withClaimPresence("exp").build();
    }

    /** Mints a client access token, as the service SDKs' {@code getClientAccessToken} does. */
    public String mintClientToken(String audience, String userId, List<String> roles, List<String> groups,
            Duration lifetime) {
        Instant now = Instant.now();
        JWTCreator.Builder builder = JWT.create().withAudience(audience).withIssuedAt(now).withExpiresAt(now.plus(lifetime));
        if (userId != null) {
            builder.withSubject(userId);
        }
        if (roles != null && !roles.isEmpty()) {
            builder.withClaim("role", roles);
        }
        if (groups != null && !groups.isEmpty()) {
            builder.withClaim("webpubsub.group", groups);
        }
        return builder.sign(algorithm);
    }

    /** Mints a REST bearer token whose audience is the request URL. */
    public String mintRestToken(String requestUrl, Duration lifetime) {
        return JWT.create().withAudience(requestUrl).withExpiresAt(Instant.now().plus(lifetime)).sign(algorithm);
    }

    /**
     * Checks the signature and lifetime of a token and that one of its audiences matches.
     *
     * @param  token                  the JWT
     * @param  audienceMatcher        tells whether an {@code aud} value names this endpoint
     * @return                        the verified token
     * @throws TokenRejectedException with a reason fit for an HTTP 401 body
     */
    public DecodedJWT verify(String token, AudienceMatcher audienceMatcher) throws TokenRejectedException {
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(token);
        } catch (TokenExpiredException e) {
            throw new TokenRejectedException("The access token has expired.");
        } catch (SignatureVerificationException | AlgorithmMismatchException e) {
            throw new TokenRejectedException("The access token signature is invalid: it must be HS256 with the access key.");
        } catch (MissingClaimException e) {
            throw new TokenRejectedException("The access token has no 'exp' claim.");
        } catch (JWTDecodeException e) {
            throw new TokenRejectedException("The access token is not a well-formed JWT.");
        } catch (JWTVerificationException e) {
            throw new TokenRejectedException("The access token is not valid: " + e.getClass().getSimpleName() + ".");
        }
        List<String> audiences = jwt.getAudience();
        if (audiences == null || audiences.isEmpty()) {
            throw new TokenRejectedException("The access token has no 'aud' claim.");
        }
        if (audiences.stream().noneMatch(audienceMatcher::matches)) {
            throw new TokenRejectedException("The access token's audience does not match this endpoint.");
        }
        return jwt;
    }

    /** Reads the Web PubSub claims of a verified client token. */
    public static TokenClaims clientClaims(DecodedJWT jwt) {
        return new TokenClaims(jwt.getSubject(), stringList(jwt.getClaim("role")),
                stringList(jwt.getClaim("webpubsub.group")));
    }

    private static List<String> stringList(Claim claim) {
        if (claim == null || claim.isMissing() || claim.isNull()) {
            return List.of();
        }
        List<String> list = claim.asList(String.class);
        if (list != null) {
            return List.copyOf(list);
        }
        String single = claim.asString();
        return single == null ? List.of() : List.of(single);
    }

    /** Decides whether a token's {@code aud} value names the endpoint it was presented to. */
    @FunctionalInterface
    public interface AudienceMatcher {
        boolean matches(String audience);
    }

    /**
     * Compares two URLs the lenient way the service does for audiences: any of http, https, ws and wss, host
     * case-insensitive, a trailing slash ignored.
     */
    public static boolean sameUrl(String audience, String expected, boolean ignoreHost) {
        URI a;
        URI e;
        try {
            a = URI.create(audience.trim());
            e = URI.create(expected);
        } catch (IllegalArgumentException ex) {
            return false;
        }
        if (a.getScheme() == null || !isWebScheme(a.getScheme())) {
            return false;
        }
        if (!ignoreHost && (a.getHost() == null || !a.getHost().equalsIgnoreCase(e.getHost())
                || effectivePort(a) != effectivePort(e))) {
            return false;
        }
        if (!trimSlash(a.getRawPath()).equalsIgnoreCase(trimSlash(e.getRawPath()))) {
            return false;
        }
        String aq = a.getRawQuery();
        return aq == null || aq.equals(e.getRawQuery());
    }

    private static boolean isWebScheme(String scheme) {
        String s = scheme.toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https") || s.equals("ws") || s.equals("wss");
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return s.equals("https") || s.equals("wss") ? 443 : 80;
    }

    private static String trimSlash(String path) {
        String p = path == null ? "" : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
