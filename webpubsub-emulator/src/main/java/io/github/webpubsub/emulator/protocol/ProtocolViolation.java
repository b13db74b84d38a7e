package io.github.webpubsub.emulator.protocol;

/**
 * A client frame that breaks the protocol. The service declines such a client: the emulator closes the connection
 * with {@link #closeCode()} after telling the client why in a {@code disconnected} message.
 */
public final class ProtocolViolation extends Exception {

    /** Close code for a frame that is not a valid JSON protocol message. */
    public static final short INVALID_PAYLOAD = 1007;
    /** Close code for a message over the 1 MB limit. */
    public static final short MESSAGE_TOO_BIG = 1009;

    private static final long serialVersionUID = 1L;

    private final short closeCode;

    public ProtocolViolation(String detail) {
        this(INVALID_PAYLOAD, detail);
    }

    public ProtocolViolation(short closeCode, String detail) {
        super(detail, null, false, false);
        this.closeCode = closeCode;
    }

    public short closeCode() {
        return closeCode;
    }
}
