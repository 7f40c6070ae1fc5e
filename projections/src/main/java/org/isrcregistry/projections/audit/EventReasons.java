package org.isrcregistry.projections.audit;

import java.util.Set;
import org.isrcregistry.core.prefix.PrefixSuspended;
import org.isrcregistry.core.prefix.PrefixTransferred;
import org.isrcregistry.core.registrant.ClientAuthorised;
import org.isrcregistry.core.registrant.ContactsErased;
import org.isrcregistry.core.registrant.RegistrantDeactivated;
import org.isrcregistry.core.registrant.RegistrantUpdated;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.IsrcWithdrawn;
import org.isrcregistry.core.recording.MetadataCorrected;
import org.isrcregistry.core.recording.NewVersionDeclared;
import org.isrcregistry.core.recording.VersionReason;

/** The reason an event records, for the events that carry one; null for the others. */
public final class EventReasons {

    private static final Set<Class<?>> WITH_REASON = Set.of(MetadataCorrected.class, IsrcWithdrawn.class,
            PrefixSuspended.class, NewVersionDeclared.class, IsrcAssigned.class, PrefixTransferred.class,
            RegistrantUpdated.class, RegistrantDeactivated.class, ContactsErased.class, ClientAuthorised.class);

    private EventReasons() {
    }

    /** Whether events of this type may carry a reason: {@link #of} is null for every other type. */
    public static boolean carriesReason(Class<?> eventType) {
        return WITH_REASON.contains(eventType);
    }

    public static String of(Object event) {
        if (event instanceof MetadataCorrected corrected) {
            return corrected.reason();
        }
        if (event instanceof IsrcWithdrawn withdrawn) {
            return withdrawn.duplicateOf() == null ? withdrawn.reason().name()
                    : withdrawn.reason().name() + " of " + withdrawn.duplicateOf().value();
        }
        if (event instanceof PrefixSuspended suspended) {
            return suspended.reason();
        }
        if (event instanceof PrefixTransferred transferred) {
            return transferred.reason();
        }
        if (event instanceof RegistrantUpdated updated) {
            return updated.reason();
        }
        if (event instanceof RegistrantDeactivated deactivated) {
            return deactivated.reason();
        }
        if (event instanceof ClientAuthorised authorised) {
            return "authorised by " + authorised.client() + " on " + authorised.authorisedOn() + ", evidence "
                    + authorised.evidenceReference();
        }
        if (event instanceof ContactsErased erased) {
            return "erased on request " + erased.requestReference();
        }
        if (event instanceof NewVersionDeclared declared) {
            return version(declared.reason());
        }
        if (event instanceof IsrcAssigned assigned && assigned.versionReason() != null) {
            return version(assigned.versionReason());
        }
        return null;
    }

    private static String version(VersionReason reason) {
        return reason.description() == null ? reason.change().name()
                : reason.change().name() + ": " + reason.description();
    }
}
