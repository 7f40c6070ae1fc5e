package org.isrcregistry.core.prefix;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.ExistingIsrcRegistered;
import org.isrcregistry.core.recording.IsrcAssigned;
import org.isrcregistry.core.recording.RecordingCreated;
import org.isrcregistry.core.recording.RecordingDetails;
import org.isrcregistry.core.recording.Recordings;
import org.isrcregistry.core.recording.RecordingCatalogue;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.ManagerClients;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.Registrants;
import org.isrcregistry.core.rule.RegistryRuleException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.isrcregistry.core.rule.RegistryRuleException.Kind.*;

/**
 * A prefix code allocated by the agency to a registrant (its holder, which a transfer changes), and the
 * ledger of the designations it has used per year of reference. Every ISRC is created here, so that
 * taking its designation and creating its recording happen in one unit of work: a designation is never
 * issued twice.
 *
 * <p>Every handler is CREATE_IF_MISSING so that a command on an unknown prefix is refused with
 * PREFIX_NOT_REGISTERED (nothing is stored for a refused command).
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Prefix {

    @AggregateIdentifier
    private String id;
    private PrefixCode prefixCode;
    /** Null for a prefix registered before registrants were records, until the migration records its holder. */
    private RegistrantId holder;
    private DesignationRange range;
    private boolean suspended;
    private Map<Integer, DesignationLedger> years = new TreeMap<>();

    public Prefix() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PrefixCode handle(RegisterPrefix command, RegistrantCodes registrantCodes, Registrants registrants,
                             AgencyCountryCodes agency) {
        if (prefixCode != null) {
            throw new RegistryRuleException(PREFIX_ALREADY_REGISTERED, "prefix",
                    "registrant code " + prefixCode.registrantCode() + " under " + prefixCode.countryCode()
                            + " is taken: " + prefixCode.display() + " is already allocated (a registrant code is"
                            + " never allocated twice, not even after its holder stopped trading)",
                    "Choose another registrant code, or send the country code only to get the next free one.");
        }
        CountryCode country = command.countryCode();
        if (country.retired()) {
            throw new RegistryRuleException(PREFIX_NOT_ALLOCATED, "countryCode",
                    country.value() + " is a retired ISRC prefix: its codes stay valid but no new registrant codes are allocated",
                    "Register the prefix under the country's current ISRC prefix.");
        }
        if (!agency.allows(country)) {
            throw new RegistryRuleException(COUNTRY_CODE_NOT_AGENCYS, command.prefixCode() != null ? "prefix" : "countryCode",
                    country.value() + " is not one of this agency's prefix letters (" + agency.describe() + ")",
                    "Allocate under " + agency.describe() + "; codes under " + country.value()
                            + " are allocated by the agency IFPI gave those letters to.");
        }
        requireActiveRegistrant(command.registrant(), "registrantId", registrants);
        PrefixCode code = command.prefixCode() != null ? command.prefixCode()
                : PrefixCode.of(country, registrantCodes.nextFree(country).orElseThrow(
                        () -> new RegistryRuleException(REGISTRANT_CODES_EXHAUSTED, "countryCode",
                                "no registrant code is free under " + country.value(),
                                "Ask the ISRC Registration Authority (IFPI) for another prefix for the country.")));
        apply(new PrefixRegistered(code, command.range()));
        apply(new PrefixAllocated(code, command.registrant()));
        return code;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(TransferPrefix command, Registrants registrants) {
        requireRegistered(command.prefixCode());
        if (command.to().equals(holder)) {
            throw new RegistryRuleException(SAME_HOLDER, "registrantId",
                    prefixCode.display() + " is already held by registrant " + holder,
                    "Name the registrant the prefix goes to, not its current holder.");
        }
        requireActiveRegistrant(command.to(), "registrantId", registrants);
        apply(new PrefixTransferred(prefixCode, holder, command.to(), command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordLegacyHolder command) {
        requireRegistered(command.prefixCode());
        if (holder == null) {
            apply(new PrefixAllocated(prefixCode, command.registrantId()));
        }
    }

    private static void requireActiveRegistrant(RegistrantId id, String field, Registrants registrants) {
        Registrants.Registrant registrant = registrants.find(id)
                .orElseThrow(() -> org.isrcregistry.core.registrant.Registrant.notRegistered(id, field));
        if (!registrant.active()) {
            throw org.isrcregistry.core.registrant.Registrant.inactive(id, field);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SuspendPrefix command) {
        requireRegistered(command.prefixCode());
        if (!suspended) {
            apply(new PrefixSuspended(prefixCode, command.reason()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReinstatePrefix command) {
        requireRegistered(command.prefixCode());
        if (suspended) {
            apply(new PrefixReinstated(prefixCode));
        }
    }

    /**
     * Concurrent assignments in one unit of work: one load of the prefix, one query per set-based rule, one
     * transaction. A request refused (same audio as a registered recording or an earlier request, ...) takes no code.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<RegistrationOutcome> handle(AssignIsrcs command, RegistryCalendar calendar, RecordingCatalogue catalogue,
                                            Recordings recordings, Registrants registrants, ManagerClients clients) {
        requireOpenForNewCodes(command.prefixCode());
        BatchCatalogue batch = new BatchCatalogue(catalogue,
                command.requests().stream().map(AssignIsrcs.Request::recording).toList());
        ManagerAssignments manager = ManagerAssignments.of(prefixCode, holder, registrants, clients, calendar);
        List<RegistrationOutcome> outcomes = new ArrayList<>(command.requests().size());
        for (AssignIsrcs.Request request : command.requests()) {
            try {
                ClientId client = manager.check(request.recording(), request.client());
                checkNewRecording(request.recording(), batch, recordings);
                Isrc isrc = nextFreeIsrc(calendar);
                MetaData metaData = MetaData.from(request.metaData());
                IsrcRegistration done = register(DesignationOrigin.ASSIGNED,
                        new IsrcAssigned(isrc, request.recording(), null, null), batch, recordings, metaData);
                manager.assigned(isrc, client, metaData);
                batch.add(isrc, request.recording());
                outcomes.add(new RegistrationOutcome(isrc, RegistrationOutcome.Result.REGISTERED,
                        done.possibleDuplicates(), null));
            } catch (RegistryRuleException refused) {
                outcomes.add(RegistrationOutcome.refused(null, refused));
            }
        }
        return outcomes;
    }

    /**
     * One unit of work for many codes, so a bulk import costs one load of the prefix and one transaction per batch.
     * The lookups the rules read are written when the unit of work commits, so the batch's own registrations are
     * checked against each other here.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<RegistrationOutcome> handle(RegisterExistingIsrcs command, RecordingCatalogue catalogue,
                                            Recordings recordings) {
        requireRegistered(command.prefixCode());
        BatchCatalogue batch = new BatchCatalogue(catalogue,
                command.registrations().stream().map(RegisterExistingIsrcs.Registration::recording).toList());
        List<RegistrationOutcome> outcomes = new ArrayList<>(command.registrations().size());
        for (RegisterExistingIsrcs.Registration registration : command.registrations()) {
            Isrc isrc = registration.isrc();
            boolean taken = ledger(isrc.yearOfReference()).isTaken(isrc.designation());
            try {
                IsrcRegistration done = registerExisting(registration, batch, recordings);
                if (!taken) {
                    batch.add(isrc, registration.recording());
                }
                outcomes.add(new RegistrationOutcome(isrc, taken ? RegistrationOutcome.Result.ALREADY_REGISTERED
                        : RegistrationOutcome.Result.REGISTERED, done.possibleDuplicates(), null));
            } catch (RegistryRuleException refused) {
                outcomes.add(RegistrationOutcome.refused(isrc, refused));
            }
        }
        return outcomes;
    }

    private IsrcRegistration registerExisting(RegisterExistingIsrcs.Registration registration,
                                              RecordingCatalogue catalogue, Recordings recordings) {
        Isrc isrc = registration.isrc();
        if (ledger(isrc.yearOfReference()).isTaken(isrc.designation())) {
            return alreadyRegistered(isrc, registration.recording(), catalogue, recordings);
        }
        checkNewRecording(registration.recording(), catalogue, recordings);
        return register(DesignationOrigin.IMPORTED, new ExistingIsrcRegistered(isrc, registration.recording()), catalogue,
                recordings);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public IsrcRegistration handle(DeclareNewVersion command, RegistryCalendar calendar, RecordingCatalogue catalogue,
                                   Recordings recordings, Registrants registrants, ManagerClients clients) {
        ChangeKind change = command.reason().change();
        if (!change.needsNewIsrc()) {
            throw new RegistryRuleException(RULE_REFUSED, "reason",
                    "a " + change.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " keeps the ISRC: \"the same ISRC must be"
                            + " kept when the recording is put on another release or format, used in another territory,"
                            + " licensed or sold, moved to another distributor, or when the owner changes\"",
                    "Keep the recording's ISRC and record the change on it (link the release, transfer ownership,"
                            + " change the distributor).");
        }
        requireOpenForNewCodes(command.prefixCode());
        ManagerAssignments manager = ManagerAssignments.of(prefixCode, holder, registrants, clients, calendar);
        ClientId client = manager.check(command.recording(), command.client());
        recordings.checkCanHaveNewVersion(command.parent(), command.recording());
        checkNewRecording(command.recording(), catalogue, recordings);
        Isrc isrc = nextFreeIsrc(calendar);
        IsrcRegistration registration = register(DesignationOrigin.ASSIGNED,
                new IsrcAssigned(isrc, command.recording(), command.parent(), command.reason()), catalogue, recordings);
        manager.assigned(isrc, client, MetaData.emptyInstance());
        recordings.recordNewVersion(command.parent(), isrc, command.reason());
        return registration;
    }

    private void requireRegistered(PrefixCode target) {
        if (prefixCode == null) {
            throw new RegistryRuleException(PREFIX_NOT_REGISTERED, "prefixCode",
                    target.display() + " is not a registered prefix",
                    "Ask your ISRC agency to register the prefix first.");
        }
    }

    private void requireOpenForNewCodes(PrefixCode target) {
        requireRegistered(target);
        if (suspended) {
            throw new RegistryRuleException(PREFIX_SUSPENDED, "prefixCode",
                    prefixCode.display() + " is suspended: no new ISRCs are issued under it",
                    "Contact your ISRC agency to have the prefix reinstated.");
        }
    }

    private void checkNewRecording(RecordingDetails recording, RecordingCatalogue catalogue, Recordings recordings) {
        if (recording.audioIsrc() != null) {
            recordings.checkIsAudio(recording.audioIsrc());
        }
        if (recording.fingerprint() != null) {
            catalogue.activeRecordingWithFingerprint(recording.fingerprint()).ifPresent(existing -> {
                throw new RegistryRuleException(DUPLICATE_AUDIO, "fingerprint",
                        "this audio already has ISRC " + existing.display()
                                + ": a new ISRC for unchanged audio splits streams and royalties",
                        "Use " + existing.display() + ", or declare a new version if the audio changed.");
            });
        }
    }

    private Isrc nextFreeIsrc(RegistryCalendar calendar) {
        int year = calendar.yearOfReference();
        int designation = ledger(year).firstFree(range).orElseThrow(() -> new RegistryRuleException(
                RANGE_EXHAUSTED, "prefixCode",
                "every designation (" + range + ") of " + prefixCode.display() + " is used for year %02d".formatted(year),
                "Ask your ISRC agency for another prefix."));
        return Isrc.of(prefixCode, year, designation);
    }

    private IsrcRegistration register(DesignationOrigin origin, RecordingCreated created, RecordingCatalogue catalogue,
                                      Recordings recordings) {
        return register(origin, created, catalogue, recordings, MetaData.emptyInstance());
    }

    /** @param metaData added to the events, over the command's (a request of a batch) */
    private IsrcRegistration register(DesignationOrigin origin, RecordingCreated created, RecordingCatalogue catalogue,
                                      Recordings recordings, MetaData metaData) {
        List<Isrc> possibleDuplicates = catalogue.possibleDuplicatesOf(created.details().metadata());
        apply(new DesignationTaken(prefixCode, created.isrc(), origin), metaData);
        recordings.open(created, possibleDuplicates, metaData);
        return new IsrcRegistration(created.isrc(), possibleDuplicates);
    }

    /** Registering the same code with the same details again is a retry: success, no events. */
    private IsrcRegistration alreadyRegistered(Isrc isrc, RecordingDetails recording, RecordingCatalogue catalogue,
                                               Recordings recordings) {
        RecordingDetails registered = recordings.detailsOf(isrc);
        if (!registered.equals(recording)) {
            throw new RegistryRuleException(CODE_ALREADY_REGISTERED, "isrc",
                    isrc.display() + " is already registered, for \"" + registered.metadata().title() + "\" by "
                            + registered.metadata().mainArtist() + ": one ISRC identifies one recording for life",
                    "Correct that recording's metadata if it is wrong, or give this recording its own ISRC.");
        }
        List<Isrc> possibleDuplicates = catalogue.possibleDuplicatesOf(recording.metadata()).stream()
                .filter(candidate -> !candidate.equals(isrc))
                .toList();
        return new IsrcRegistration(isrc, possibleDuplicates);
    }

    private DesignationLedger ledger(int year) {
        return years.getOrDefault(year, new DesignationLedger(range.first()));
    }

    @EventSourcingHandler
    void on(PrefixRegistered event) {
        id = event.prefixCode().value();
        prefixCode = event.prefixCode();
        range = event.range();
    }

    @EventSourcingHandler
    void on(PrefixAllocated event) {
        holder = event.registrantId();
    }

    @EventSourcingHandler
    void on(PrefixTransferred event) {
        holder = event.to();
    }

    @EventSourcingHandler
    void on(PrefixSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(PrefixReinstated event) {
        suspended = false;
    }

    @EventSourcingHandler
    void on(DesignationTaken event) {
        Isrc isrc = event.isrc();
        years.computeIfAbsent(isrc.yearOfReference(), year -> new DesignationLedger(range.first()))
                .take(isrc.designation());
    }
}
