package io.github.webpubsub.emulator.auth;

/**
 * An access token that the emulator does not accept. The message says why, and never contains the token.
 */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public TokenRejectedException(String reason) {
        super(reason);
    }
}
