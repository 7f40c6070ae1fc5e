package org.isrcregistry.api.prefix;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.registrant.Contact;
import org.isrcregistry.api.registrant.RegistrantRecords;
import org.isrcregistry.projections.registrant.Page;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.input.Text;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.prefix.ReinstatePrefix;
import org.isrcregistry.core.prefix.SuspendPrefix;
import org.isrcregistry.core.prefix.TransferPrefix;
import org.isrcregistry.core.registrant.RegistrantDetails;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.prefix.PrefixQueries;
import org.isrcregistry.projections.prefix.PrefixView;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/v1/prefixes")
@Tag(name = "Prefixes", description = "The agency's allocations of prefix codes to registrants")
public class PrefixController {

    private final RegistryCommands commands;
    private final PrefixQueries queries;
    private final ReadYourWrites readYourWrites;
    private final RegistrantRecords records;

    PrefixController(RegistryCommands commands, PrefixQueries queries, ReadYourWrites readYourWrites,
                     RegistrantRecords records) {
        this.commands = commands;
        this.records = records;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    /**
     * @param prefix       the prefix code to allocate ({@code CA-K7Q}); or leave it out and give {@code countryCode}
     *                     to get the next free registrant code of that country
     * @param countryCode  the ISRC prefix letters, when no explicit prefix is given
     * @param registrantId the registrant on file that gets the prefix
     * @param registrant   deprecated, instead of registrantId: registers a new PRODUCER registrant of that name (in
     *                     the prefix's country) with the prefix, as one change
     * @param range        the designation codes the registrant may use each year; all of 00000-99999 when left out
     */
    public record RegisterPrefixRequest(PrefixCode prefix, CountryCode countryCode, RegistrantId registrantId,
                                        @Schema(deprecated = true) @Valid RegistrantRequest registrant,
                                        @Valid RangeRequest range) {
    }

    /** @param contact an e-mail address, or the name of a person or department */
    public record RegistrantRequest(@NotBlank @Size(max = Text.NAME) String name, @Size(max = Text.NAME) String contact) {
    }

    public record RangeRequest(@NotNull Integer first, @NotNull Integer last) {
    }

    @PostMapping
    @Operation(operationId = "registerPrefix", summary = "Allocate a prefix to a registrant (agency)")
    public ResponseEntity<PrefixView> register(@Valid @RequestBody RegisterPrefixRequest request) {
        if (request.prefix() == null && request.countryCode() == null) {
            throw new RegistryRuleException(RegistryRuleException.Kind.RULE_REFUSED, "prefix",
                    "neither a prefix nor a country code was given",
                    "Send \"prefix\" (e.g. \"CA-K7Q\") or \"countryCode\" (e.g. \"CA\") for the next free registrant code.");
        }
        if ((request.registrantId() == null) == (request.registrant() == null)) {
            throw new InvalidFieldException("registrantId", request.registrantId() == null
                    ? "no registrant was named" : "both registrantId and registrant were given",
                    "Send \"registrantId\": the id of a registrant on file (POST /v1/registrants registers one).");
        }
        DesignationRange range = request.range() == null ? null : range(request.range());
        CountryCode country = request.prefix() != null ? request.prefix().countryCode() : request.countryCode();
        PrefixCode registered = request.registrantId() != null
                ? commands.send(new RegisterPrefix(request.prefix(), request.countryCode(), request.registrantId(), range))
                : records.inTransaction(() -> commands.send(new RegisterPrefix(request.prefix(), request.countryCode(),
                        records.register(new RegistrantDetails(request.registrant().name(), List.of(), country),
                                RegistrantKind.PRODUCER, null, null, Contact.fromText(request.registrant().contact())),
                        range)));
        readYourWrites.awaitProjections(PrefixProjection.PROCESSING_GROUP);
        PrefixView view = queries.find(registered).orElseThrow();
        return ResponseEntity.created(URI.create("/v1/prefixes/" + registered.display())).body(view);
    }

    @GetMapping
    @Operation(operationId = "searchPrefixes", summary = "Search the prefixes (agency, auditor), in code order, with their holder and usage per year")
    public Page<PrefixView> search(@RequestParam(required = false) @Size(max = 300) String name,
                                   @RequestParam(required = false) @Size(max = 5) String code,
                                   @RequestParam(required = false) CountryCode country,
                                   @RequestParam(required = false) RegistrantKind kind,
                                   @RequestParam(required = false) PrefixStatus status,
                                   @RequestParam(required = false) RegistrantId registrantId,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return queries.search(new PrefixQueries.Criteria(name, code, country == null ? null : country.value(),
                kind == null ? null : kind.name(), status == null ? null : status.name(),
                registrantId == null ? null : registrantId.value()), page, size);
    }

    /** A prefix's status in the lists. */
    public enum PrefixStatus { ACTIVE, SUSPENDED }

    /** @param reason why it changes hands (a label sold, merged ...): kept in the history */
    public record TransferRequest(@NotNull RegistrantId registrantId, @NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/{prefix}/transfers")
    @Operation(summary = "Transfer a prefix to another registrant (agency); the prefix and its codes stay the same")
    public PrefixView transfer(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
                               @Valid @RequestBody TransferRequest request) {
        commands.send(new TransferPrefix(prefix, request.registrantId(), request.reason()));
        return current(prefix);
    }

    @GetMapping("/{prefix}")
    @Operation(operationId = "getPrefix", summary = "Read a prefix, with its designation usage per year")
    public PrefixView get(@PathVariable String prefix) {
        PrefixCode code = PrefixCode.parse(prefix);
        return queries.find(code).orElseThrow(() -> new RegistryRuleException(
                RegistryRuleException.Kind.PREFIX_NOT_REGISTERED, "prefix", code.display() + " is not registered",
                "Check the prefix code, or ask the agency to register it."));
    }

    public record SuspensionRequest(@NotBlank @Size(max = Text.REASON) String reason) {
    }

    @PostMapping("/{prefix}/suspension")
    @Operation(summary = "Suspend a prefix (agency): no new ISRCs under it; codes already issued stay valid")
    public PrefixView suspend(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
                              @Valid @RequestBody SuspensionRequest request) {
        commands.send(new SuspendPrefix(prefix, request.reason()));
        return current(prefix);
    }

    @DeleteMapping("/{prefix}/suspension")
    @Operation(summary = "Reinstate a suspended prefix (agency)")
    public PrefixView reinstate(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix) {
        commands.send(new ReinstatePrefix(prefix));
        return current(prefix);
    }

    private PrefixView current(PrefixCode prefix) {
        readYourWrites.awaitProjections(PrefixProjection.PROCESSING_GROUP);
        return get(prefix.value());
    }

    private static DesignationRange range(RangeRequest range) {
        try {
            return new DesignationRange(range.first(), range.last());
        } catch (IllegalArgumentException e) {
            throw new RegistryRuleException(RegistryRuleException.Kind.RULE_REFUSED, "range", e.getMessage(),
                    "Send a range with 0 <= first <= last <= 99999.");
        }
    }
}
