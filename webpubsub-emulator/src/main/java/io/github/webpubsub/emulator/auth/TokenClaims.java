package io.github.webpubsub.emulator.auth;

import java.util.List;

/**
 * What a verified client access token grants.
 *
 * @param userId the {@code sub} claim, or {@code null} for an anonymous client
 * @param roles  the {@code role} claim
 * @param groups the {@code webpubsub.group} claim: groups joined on connect
 */
public record TokenClaims(String userId, List<String> roles, List<String> groups) {
}
