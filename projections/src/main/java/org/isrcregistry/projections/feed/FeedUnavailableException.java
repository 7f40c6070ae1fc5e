package org.isrcregistry.projections.feed;

/** The broker did not take a batch; the processor retries it from its last token. */
public class FeedUnavailableException extends RuntimeException {

    public FeedUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
