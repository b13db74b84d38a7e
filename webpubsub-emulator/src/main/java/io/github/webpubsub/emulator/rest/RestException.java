package io.github.webpubsub.emulator.rest;

/** A REST request the emulator refuses: becomes an error response with this status, code and message. */
public final class RestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public RestException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static RestException badRequest(String message) {
        return new RestException(400, "InvalidRequest", message);
    }

    public static RestException notFound(String message) {
        return new RestException(404, "NotFound", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
