package org.isrcregistry.core.registrant;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The registrant's file after a change; {@code changed} names what changed ({@code legalName}, {@code tradingNames},
 * {@code country}, {@code terms}, {@code contacts}: the contacts themselves are not in the event).
 */
@Revision("1")
public record RegistrantUpdated(RegistrantId registrantId, RegistrantDetails details, ManagerTerms terms,
                                List<String> changed, String reason) implements RegistrantEvent {
}
