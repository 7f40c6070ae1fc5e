package org.isrcregistry.core.conflict;

import org.axonframework.serialization.Revision;

/**
 * Two ISRCs may name one recording. Not a {@code RegistryEvent}: conflicts are the agency's work queue, not part of
 * the public record of codes, so they are not published on the feed.
 */
@Revision("1")
public record ConflictOpened(ConflictId conflictId, ConflictBasis basis) {
}
