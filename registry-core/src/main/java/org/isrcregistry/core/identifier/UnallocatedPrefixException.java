package org.isrcregistry.core.identifier;

/** Well formed, but the two prefix letters are not on IFPI's list of allocated ISRC prefixes. */
public final class UnallocatedPrefixException extends InvalidIdentifierException {

    public UnallocatedPrefixException(String identifier, String input, String part, int position, String reason) {
        super(identifier, input, part, position, reason);
    }
}
