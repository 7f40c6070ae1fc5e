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
import org.isrcregistry.projections.jdbc.Page;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.input.Text;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
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

    private final Prefixes prefixes;

    PrefixController(Prefixes prefixes) {
        this.prefixes = prefixes;
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
    @Schema(name = "PrefixRegistrantRequest") // not the registrant file's RegistrantRequest
    public record RegistrantRequest(@NotBlank @Size(max = Text.NAME) String name, @Size(max = Text.NAME) String contact) {
    }

    public record RangeRequest(@NotNull Integer first, @NotNull Integer last) {
    }

    @PostMapping
    @Operation(operationId = "registerPrefix", summary = "Allocate a prefix to a registrant (agency)")
    public ResponseEntity<PrefixView> register(@Valid @RequestBody RegisterPrefixRequest request) {
        PrefixView view = prefixes.register(request);
        return ResponseEntity.created(URI.create("/v1/prefixes/" + view.display())).body(view);
    }

    @GetMapping
    @Operation(operationId = "searchPrefixes",
            summary = "Search the prefixes (agency, auditor), in code order, with their holder and usage per year")
    public Page<PrefixView> search(@RequestParam(required = false) @Size(max = 300) String name,
                                   @RequestParam(required = false) @Size(max = 5) String code,
                                   @RequestParam(required = false) CountryCode country,
                                   @RequestParam(required = false) RegistrantKind kind,
                                   @RequestParam(required = false) PrefixStatus status,
                                   @RequestParam(required = false) RegistrantId registrantId,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return prefixes.search(new PrefixQueries.Criteria(name, code, country == null ? null : country.value(),
                kind == null ? null : kind.name(), status == null ? null : status.name(),
                registrantId == null ? null : registrantId.value()), page, size);
    }

    /** A prefix's status in the lists. */
    public enum PrefixStatus { ACTIVE, SUSPENDED }

    /** @param reason why it changes hands (a label sold, merged ...): kept in the history */
    public record PrefixTransferRequest(@NotNull RegistrantId registrantId, @NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/{prefix}/transfers")
    @Operation(operationId = "transferPrefix", summary = "Transfer a prefix to another registrant (agency); the prefix and its codes stay the same")
    public PrefixView transfer(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
                               @Valid @RequestBody PrefixTransferRequest request) {
        return prefixes.transfer(prefix, request.registrantId(), request.reason());
    }

    @GetMapping("/{prefix}")
    @Operation(operationId = "getPrefix", summary = "Read a prefix, with its designation usage per year")
    public PrefixView get(@PathVariable String prefix) {
        return prefixes.get(PrefixCode.parse(prefix));
    }

    public record SuspensionRequest(@NotBlank @Size(max = Text.REASON) String reason) {
    }

    @PostMapping("/{prefix}/suspension")
    @Operation(summary = "Suspend a prefix (agency): no new ISRCs under it; codes already issued stay valid")
    public PrefixView suspend(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
                              @Valid @RequestBody SuspensionRequest request) {
        return prefixes.suspend(prefix, request.reason());
    }

    @DeleteMapping("/{prefix}/suspension")
    @Operation(summary = "Reinstate a suspended prefix (agency)")
    public PrefixView reinstate(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix) {
        return prefixes.reinstate(prefix);
    }
}
