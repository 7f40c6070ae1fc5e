package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.Isrc;

import java.util.List;

/**
 * What AssignIsrc, RegisterExistingIsrc and DeclareNewVersion return: the recording's ISRC and the
 * active recordings it may duplicate (empty when none).
 */
public record IsrcRegistration(Isrc isrc, List<Isrc> possibleDuplicates) {

    public IsrcRegistration {
        possibleDuplicates = List.copyOf(possibleDuplicates);
    }
}
