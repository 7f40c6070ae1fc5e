package org.isrcregistry.core.prefix;

public enum DesignationOrigin {
    /** Issued by the registry from the prefix's range. */
    ASSIGNED,
    /** Assigned outside the registry and registered here afterwards. */
    IMPORTED
}
