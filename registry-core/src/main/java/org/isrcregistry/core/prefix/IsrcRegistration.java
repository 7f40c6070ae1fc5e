package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.Isrc;

import java.util.List;

/**
 * What {@link DeclareNewVersion} returns: the new recording's ISRC and the active recordings it may duplicate (empty
 * when none).
 */
public record IsrcRegistration(Isrc isrc, List<Isrc> possibleDuplicates) {

    public IsrcRegistration {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }
}
