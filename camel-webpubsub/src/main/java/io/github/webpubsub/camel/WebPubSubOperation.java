package io.github.webpubsub.camel;

/** What a {@code webpubsub} producer does with an exchange. */
public enum WebPubSubOperation {
    /** Publish the body to the group. */
    sendToGroup,
    /** Send the body as a custom event to the hub's event handler. */
    sendEvent,
    /** Join the group; the connection joins it again after every new connection. */
    joinGroup,
    /** Leave the group. */
    leaveGroup,
    /**
     * Request/reply: send the body to the hub's event handler as the event and wait for its answer, which becomes the
     * out body, with its data type in a header.
     */
    invokeEvent
}
