package io.github.webpubsub.client;

/**
 * The event handler's answer to {@link WebPubSubClient#invokeEvent(String, MessageData)}.
 *
 * @param invocationId the id the client gave the invocation
 * @param data         what the handler answered, typed as it came ({@code dataType} on the wire); {@code null} when it
 *                     answered without data
 */
public record InvokeResult(String invocationId, MessageData data) {
}
