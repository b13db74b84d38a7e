package io.github.webpubsub.emulator.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The roles of one connection: those of its token, plus those granted or revoked at runtime through REST. Literal
 * roles ({@code webpubsub.sendToGroup}, {@code webpubsub.sendToGroup.g1}) and the wildcard pattern roles
 * ({@code webpubsub.sendToGroups.chat.*}) are both understood.
 */
public final class Permissions {

    private static final Map<String, Pattern> PATTERN_CACHE = new ConcurrentHashMap<>();

    private final Set<String> roles;

    public Permissions(List<String> roles) {
        this.roles = new LinkedHashSet<>(roles);
    }

    /** Whether this connection may use the permission on the group. */
    public boolean allows(Permission permission, String group) {
        if (roles.contains(permission.role()) || roles.contains(permission.role() + "." + group)) {
            return true;
        }
        String patternPrefix = permission.patternRole() + ".";
        for (String role : roles) {
            if (role.startsWith(patternPrefix) && compile(role.substring(patternPrefix.length())).matcher(group).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the permission is held on {@code target}, or on every group when the target is {@code null}. */
    public boolean has(Permission permission, String target) {
        return target == null ? roles.contains(permission.role()) : allows(permission, target);
    }

    public void grant(Permission permission, String target) {
        roles.add(target == null ? permission.role() : permission.role() + "." + target);
    }

    /** Revokes the grant on {@code target}; with no target, every grant of that permission. */
    public void revoke(Permission permission, String target) {
        if (target != null) {
            roles.remove(permission.role() + "." + target);
            return;
        }
        roles.removeIf(r -> r.equals(permission.role()) || r.startsWith(permission.role() + ".")
                || r.startsWith(permission.patternRole() + "."));
    }

    public List<String> roles() {
        return List.copyOf(roles);
    }

    /**
     * Turns a group pattern into a regex: {@code ?} one character but '.', {@code *} any run without '.', {@code **}
     * any run, and a backslash escapes the next character.
     */
    static Pattern compile(String groupPattern) {
        return PATTERN_CACHE.computeIfAbsent(groupPattern, p -> {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == '\\' && i + 1 < p.length()) {
                    regex.append(Pattern.quote(String.valueOf(p.charAt(++i))));
                } else if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^.]*");
                } else if (c == '?') {
                    regex.append("[^.]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString());
        });
    }
}
