package org.isrcregistry.projections.feed;

/**
 * The broker did not take a batch; the processor retries it from its last token. Without a stack trace: the feed logs
 * the cause once per failed batch, and an outage must not fill the log with traces of the same retry.
 */
public class FeedUnavailableException extends RuntimeException {

    public FeedUnavailableException(String message) {
        super(message, null, false, false);
    }
}
