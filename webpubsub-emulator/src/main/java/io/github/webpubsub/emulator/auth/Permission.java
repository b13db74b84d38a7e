package io.github.webpubsub.emulator.auth;

import java.util.Locale;

/** The two group permissions of Web PubSub, with the role names that grant them. */
public enum Permission {

    /** Join and leave groups: roles {@code webpubsub.joinLeaveGroup[.group]} and {@code webpubsub.joinLeaveGroups.pattern}. */
    JOIN_LEAVE_GROUP("joinLeaveGroup", "webpubsub.joinLeaveGroup", "webpubsub.joinLeaveGroups"),
    /** Publish to groups: roles {@code webpubsub.sendToGroup[.group]} and {@code webpubsub.sendToGroups.pattern}. */
    SEND_TO_GROUP("sendToGroup", "webpubsub.sendToGroup", "webpubsub.sendToGroups");

    private final String restName;
    private final String role;
    private final String patternRole;

    Permission(String restName, String role, String patternRole) {
        this.restName = restName;
        this.role = role;
        this.patternRole = patternRole;
    }

    /** The role that grants this permission on every group, or on one group when suffixed with {@code .group}. */
    public String role() {
        return role;
    }

    String patternRole() {
        return patternRole;
    }

    /** Reads the {@code {permission}} path segment of the REST API ({@code sendToGroup}, {@code joinLeaveGroup}). */
    public static Permission fromRestName(String name) {
        for (Permission p : values()) {
            if (p.restName.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown permission '" + name + "': expected sendToGroup or joinLeaveGroup.");
    }

    @Override
    public String toString() {
        return restName.toLowerCase(Locale.ROOT);
    }
}
