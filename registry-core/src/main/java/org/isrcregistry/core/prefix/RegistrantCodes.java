package org.isrcregistry.core.prefix;

import org.isrcregistry.core.identifier.CountryCode;

import java.util.Optional;

/**
 * Which registrant codes of a country are still free, for prefixes registered with a country code
 * only. Answered from a lookup written in the same transaction as the prefix events; the event
 * store's uniqueness of the prefix stream is the last guard.
 */
public interface RegistrantCodes {

    /** The next registrant code (3 characters) not yet allocated under this country code. */
    Optional<String> nextFree(CountryCode countryCode);
}
