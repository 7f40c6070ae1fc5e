package org.isrcregistry.api.ownership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.input.Dates;
import org.isrcregistry.core.input.Text;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk ownership transfers (docs/write-side.md): a catalogue sold moves to its new owner in one request, run in the
 * background with progress and a result per recording; no code changes.
 */
@RestController
@RequestMapping("/v1/ownership-transfers")
@Validated
@Tag(name = "Recordings (commands)")
public class OwnershipTransferController {

    static final int MAX_CODES = 100_000;

    private final BulkOwnershipTransfers transfers;

    OwnershipTransferController(BulkOwnershipTransfers transfers) {
        this.transfers = transfers;
    }

    /**
     * @param fromOwner     every active recording owned by this owner (case aside), within a registrant's own prefixes
     * @param isrcs         or these codes (a registrant's must all be under its prefixes)
     * @param newOwner      who owns them from the effective date
     * @param effectiveDate the day the new owner owns them, the same for all
     */
    public record BulkTransferRequest(@Size(max = Text.NAME) String fromOwner,
                                      @Size(max = MAX_CODES) @ArraySchema(schema = @Schema(type = "string",
                                              example = "CAK7Q2600001")) List<@NotNull Isrc> isrcs,
                                      @NotBlank @Size(max = Text.NAME) String newOwner,
                                      @NotNull LocalDate effectiveDate) {
    }

    @PostMapping
    @Operation(operationId = "startBulkOwnershipTransfer", summary = "Transfer every recording of an owner, or a list"
            + " of codes, to a new owner from one date, in the background (agency, registrant)")
    public ResponseEntity<TransferView> start(@Valid @RequestBody BulkTransferRequest request) {
        boolean byOwner = request.fromOwner() != null && !request.fromOwner().isBlank();
        boolean byCodes = request.isrcs() != null && !request.isrcs().isEmpty();
        if (byOwner == byCodes) {
            throw new InvalidFieldException(byOwner ? "isrcs" : "fromOwner",
                    "a bulk transfer names either the recordings' current owner or a list of codes, "
                            + (byOwner ? "not both" : "and this one names neither"),
                    "Send \"fromOwner\" to transfer every recording of that owner, or \"isrcs\" to transfer those.");
        }
        String newOwner = Text.line(request.newOwner(), "newOwner", Text.NAME);
        if (byOwner && Text.line(request.fromOwner(), "fromOwner", Text.NAME).equalsIgnoreCase(newOwner)) {
            throw new InvalidFieldException("newOwner", "the new owner is the current one, " + newOwner,
                    "Name the owner the recordings go to.");
        }
        Dates.inRange(request.effectiveDate(), "effectiveDate");
        Set<PrefixCode> scope = Access.readScope();
        List<Isrc> codes = byCodes ? List.copyOf(new LinkedHashSet<>(request.isrcs())) : null;
        if (codes != null) {
            codes.forEach(isrc -> Access.requireHolderOf(isrc.prefixCode()));
        }
        TransferView started = transfers.start(new BulkOwnershipTransfers.Selection(
                        byOwner ? request.fromOwner().strip() : null, codes, scope), newOwner, request.effectiveDate(),
                RegistryCommands.actor(), RegistryCommands.correlationId());
        return ResponseEntity.accepted().location(URI.create("/v1/ownership-transfers/" + started.id()))
                .body(started);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getBulkOwnershipTransfer", summary = "A bulk ownership transfer's progress and a page of"
            + " its results (agency, auditor, the registrant that started it)")
    public TransferView get(@PathVariable UUID id, @RequestParam(defaultValue = "-1") @Min(-1) int after,
                            @RequestParam(defaultValue = "100") @Min(0) @Max(1000) int limit) {
        TransferView view = transfers.view(id, after, limit).filter(this::visible)
                .orElseThrow(() -> new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "id",
                        "no bulk ownership transfer " + id, "Use the Location its POST answered."));
        return view;
    }

    /** A registrant sees the transfers it started; the agency and auditors see all. */
    private boolean visible(TransferView view) {
        return Access.readScope() == null || view.actor().equals(RegistryCommands.actor());
    }
}
