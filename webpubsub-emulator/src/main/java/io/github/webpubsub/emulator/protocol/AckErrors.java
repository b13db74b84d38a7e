package io.github.webpubsub.emulator.protocol;

/** The error names of negative acks, and the texts the service uses with them. */
public final class AckErrors {

    public static final String FORBIDDEN = "Forbidden";
    public static final String DUPLICATE = "Duplicate";
    public static final String INTERNAL_SERVER_ERROR = "InternalServerError";
    /** In the ack error enum of the service's JSON schema; the emulator uses it for invocations with no handler. */
    public static final String NOT_FOUND = "NotFound";
    /** A request the service refuses as malformed; the emulator uses it for invocations it cannot run. */
    public static final String BAD_REQUEST = "BadRequest";

    private AckErrors() {
    }

    public static String duplicateMessage(long ackId) {
        return "Message with ack-id: " + ackId + " has been processed";
    }

    public static String forbiddenJoin(String group) {
        return "The client does not have permission to join group '" + group + "'.";
    }

    public static String forbiddenLeave(String group) {
        return "The client does not have permission to leave group '" + group + "'.";
    }

    public static String forbiddenSend(String group) {
        return "The client does not have permission to send to group '" + group + "'.";
    }
}
