package org.isrcregistry.core.identifier;

/**
 * One line of IFPI's list "Valid Characters in the ISRC Prefix": the two prefix letters, the agency
 * that allocates registrant codes under them, and whether they are retired (no longer allocated, but
 * codes issued under them stay valid forever).
 */
public record AllocatedPrefix(String prefix, String agencyCode, String agency, String territory, boolean retired) {
}
