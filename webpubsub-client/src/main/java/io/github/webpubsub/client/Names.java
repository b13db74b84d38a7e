package io.github.webpubsub.client;

import java.util.regex.Pattern;

/** Checks hub, group and event names before they reach the service, so a typo fails where it was made. */
public final class Names {

    private static final Pattern HUB = Pattern.compile("[A-Za-z][A-Za-z0-9_`,.\\[\\]]{0,127}");
    private static final int MAX_GROUP_LENGTH = 1024;

    private Names() {
    }

    /**
     * @throws IllegalArgumentException unless the hub starts with a letter and has 1 to 128 letters, digits or
     *                                  {@code _}
     */
    public static String requireHub(String hub) {
        if (hub == null || !HUB.matcher(hub).matches()) {
            throw new IllegalArgumentException("Invalid hub name '" + hub
                    + "': it must start with a letter and have 1 to 128 letters, digits or '_'");
        }
        return hub;
    }

    /** @throws IllegalArgumentException unless the group has 1 to 1024 characters and is not only whitespace */
    public static String requireGroup(String group) {
        if (group == null || group.isBlank() || group.length() > MAX_GROUP_LENGTH) {
            throw new IllegalArgumentException("Invalid group name '" + group
                    + "': it must have 1 to 1024 characters and not be only whitespace");
        }
        return group;
    }

    /** @throws IllegalArgumentException when the event name is empty or only whitespace */
    public static String requireEvent(String event) {
        if (event == null || event.isBlank()) {
            throw new IllegalArgumentException("Invalid event name '" + event + "': it must not be empty");
        }
        return event;
    }
}
