package org.isrcregistry.api.registrant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.registrant.ManagerTerms;
import org.isrcregistry.core.registrant.Registrant;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.VolumeTier;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.jdbc.Page;
import org.isrcregistry.projections.registrant.RegistrantQueries;
import org.isrcregistry.projections.registrant.RegistrantView;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agency's file on its registrants (docs/registrants.md): the agency changes it; auditors and the registrant
 * itself read it; the public never does (IFPI Bulletin 2006/02).
 */
@RestController
@RequestMapping("/v1/registrants")
@Validated
@Tag(name = "Registrants", description = "The agency's records of its registrants and ISRC Managers")
public class RegistrantController {

    private final RegistrantRecords records;
    private final RegistrantQueries queries;
    private final RegistrantContacts contacts;
    private final RegistrantHistory history;
    private final ReadYourWrites readYourWrites;

    RegistrantController(RegistrantRecords records, RegistrantQueries queries, RegistrantContacts contacts,
                         RegistrantHistory history, ReadYourWrites readYourWrites) {
        this.records = records;
        this.queries = queries;
        this.contacts = contacts;
        this.history = history;
        this.readYourWrites = readYourWrites;
    }

    /**
     * @param legalName     the company's (or artist's) legal name, as the ISO 3901 listings name it
     * @param country       where the registrant is established (ISO 3166 letters of an allocated ISRC prefix)
     * @param postalAddress personal data for a natural person: kept apart from the history, erasable
     * @param contacts      one or more: a department or a person, with e-mail and phone
     * @param volumeTier    ISRC_MANAGER only, required
     * @param yearlyCap     ISRC_MANAGER only: codes a year over all its prefixes; the tier's default when left out
     *                      (LOW_VOLUME 10,000; HIGH_VOLUME none)
     */
    public record RegistrantRegistration(@NotBlank @Size(max = 300) String legalName,
                                    @Size(max = 20) List<@NotBlank @Size(max = 300) String> tradingNames,
                                    @NotNull CountryCode country, @Size(max = 1000) String postalAddress,
                                    @NotEmpty @Size(max = 20) List<@Valid @NotNull Contact> contacts,
                                    @NotNull RegistrantKind kind, VolumeTier volumeTier, Integer yearlyCap) {

        RegistrantDetails details() {
            return new RegistrantDetails(legalName, tradingNames, country);
        }

        ManagerTerms terms() {
            if (kind != RegistrantKind.ISRC_MANAGER) {
                if (volumeTier != null || yearlyCap != null) {
                    throw new InvalidFieldException(volumeTier != null ? "volumeTier" : "yearlyCap",
                            "only an ISRC_MANAGER has a volume tier and a yearly cap",
                            "Leave volumeTier and yearlyCap out for a " + kind + ".");
                }
                return null;
            }
            if (volumeTier == null) {
                throw new InvalidFieldException("volumeTier", "an ISRC_MANAGER needs a volume tier",
                        "Send \"volumeTier\": \"LOW_VOLUME\" or \"HIGH_VOLUME\".");
            }
            if (yearlyCap != null && yearlyCap < 1) {
                throw new InvalidFieldException("yearlyCap", "yearlyCap must be at least 1",
                        "Send a positive number of codes a year, or leave it out for the tier's default.");
            }
            return ManagerTerms.of(volumeTier, yearlyCap);
        }
    }

    /** The file as the agency reads it: the record, its prefixes, and the contacts. */
    public record RegistrantFile(RegistrantView registrant, ContactDetails contactDetails) {
    }

    @PostMapping
    @Operation(operationId = "registerRegistrant", summary = "Register a registrant (agency)")
    public ResponseEntity<RegistrantFile> register(@Valid @RequestBody RegistrantRegistration request) {
        RegistrantId id = records.register(request.details(), request.kind(), request.terms(),
                request.postalAddress(), request.contacts());
        return ResponseEntity.created(URI.create("/v1/registrants/" + id)).body(current(id));
    }

    @GetMapping
    @Operation(operationId = "searchRegistrants",
            summary = "Search the registrants (agency, auditor), in order of legal name, each with its prefixes")
    public Page<RegistrantView> search(@RequestParam(required = false) @Size(max = 300) String name,
                                       @RequestParam(required = false) @Size(max = 5) String code,
                                       @RequestParam(required = false) CountryCode country,
                                       @RequestParam(required = false) RegistrantKind kind,
                                       @RequestParam(required = false) RegistrantStatus status,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return queries.search(new RegistrantQueries.Criteria(name, code, country == null ? null : country.value(),
                kind == null ? null : kind.name(), status == null ? null : status.name()), page, size);
    }

    /** A registrant's status in the lists. */
    public enum RegistrantStatus { ACTIVE, INACTIVE }

    @GetMapping("/{id}")
    @Operation(operationId = "getRegistrant",
            summary = "A registrant's file: details, contacts and every prefix it holds or held (agency, auditor,"
            + " the registrant)")
    public RegistrantFile get(@PathVariable RegistrantId id) {
        RegistrantView view = queries.find(id).orElseThrow(() -> Registrant.notRegistered(id, "id"));
        return new RegistrantFile(view, contacts.find(id).orElse(null));
    }

    /** @param reason why the file changes: kept in the history */
    public record RegistrantUpdate(@NotBlank @Size(max = 300) String legalName,
                                @Size(max = 20) List<@NotBlank @Size(max = 300) String> tradingNames,
                                @NotNull CountryCode country, @Size(max = 1000) String postalAddress,
                                @NotEmpty @Size(max = 20) List<@Valid @NotNull Contact> contacts,
                                VolumeTier volumeTier, Integer yearlyCap, @NotBlank @Size(max = 1000) String reason) {
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateRegistrant", summary = "Change a registrant's file, with the reason (agency)")
    public RegistrantFile update(@PathVariable RegistrantId id, @Valid @RequestBody RegistrantUpdate request) {
        RegistrantView before = get(id).registrant();
        RegistrantKind kind = RegistrantKind.valueOf(before.kind());
        RegistrantRegistration asRegistration = new RegistrantRegistration(request.legalName(), request.tradingNames(),
                request.country(), request.postalAddress(), request.contacts(), kind, request.volumeTier(),
                request.yearlyCap());
        records.update(id, asRegistration.details(), asRegistration.terms(), request.postalAddress(),
                request.contacts(), request.reason());
        return current(id);
    }

    public record DeactivationRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/{id}/deactivation")
    @Operation(operationId = "deactivateRegistrant", summary = "Deactivate a registrant that stopped trading (agency); its registrant codes stay its own")
    public RegistrantFile deactivate(@PathVariable RegistrantId id, @Valid @RequestBody DeactivationRequest request) {
        records.deactivate(id, request.reason());
        return current(id);
    }

    /** @param requestReference the data subject's request, as the agency files it (no personal data) */
    public record ContactErasureRequest(@NotBlank @Size(max = 200) String requestReference) {
    }

    @PostMapping("/{id}/contact-erasure")
    @Operation(operationId = "eraseRegistrantContacts", summary = "Erase a registrant's contacts and address on request (GDPR, agency); the history keeps"
            + " that they were erased, not what they were")
    public RegistrantFile eraseContacts(@PathVariable RegistrantId id, @Valid @RequestBody ContactErasureRequest request) {
        records.eraseContacts(id, request.requestReference());
        return current(id);
    }

    @GetMapping("/{id}/history")
    @Operation(operationId = "registrantHistory",
            summary = "Everything that happened to the registrant's file and prefixes, in order (agency, auditor,"
            + " the registrant)")
    public List<RegistrantHistory.RegistrantChange> history(@PathVariable RegistrantId id) {
        get(id);
        return history.of(id);
    }

    private RegistrantFile current(RegistrantId id) {
        readYourWrites.awaitProjections(PrefixProjection.PROCESSING_GROUP);
        return get(id);
    }
}
