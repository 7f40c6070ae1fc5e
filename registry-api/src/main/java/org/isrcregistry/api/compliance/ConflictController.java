package org.isrcregistry.api.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.core.conflict.ConflictBasis;
import org.isrcregistry.core.conflict.ConflictId;
import org.isrcregistry.core.conflict.ConflictResolution;
import org.isrcregistry.core.conflict.OpenConflict;
import org.isrcregistry.core.conflict.ResolveConflict;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.recording.RecordingStatus;
import org.isrcregistry.core.recording.WithdrawIsrc;
import org.isrcregistry.core.recording.WithdrawalReason;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.compliance.ComplianceProjection;
import org.isrcregistry.projections.compliance.ComplianceQueries;
import org.isrcregistry.projections.compliance.Reports;
import org.isrcregistry.projections.history.RecordingHistory;
import org.isrcregistry.projections.recording.RecordingState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working through the conflict queue. A conflict is resolved as distinct recordings (both codes stay, with the
 * reason) or as a duplicate: the code given is withdrawn through the recording's own withdrawal, pointing to the
 * other, the survivor, and then the conflict records the decision. Either way the pair never comes back.
 */
@RestController
@Tag(name = "Audits and compliance")
public class ConflictController {

    private final RegistryCommands commands;
    private final RecordingHistory history;
    private final ComplianceQueries queries;
    private final Reports reports;
    private final ReadYourWrites readYourWrites;

    ConflictController(RegistryCommands commands, RecordingHistory history, ComplianceQueries queries,
                       Reports reports, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.history = history;
        this.queries = queries;
        this.reports = reports;
        this.readYourWrites = readYourWrites;
    }

    public record ConflictRequest(@NotNull @Schema(type = "string") Isrc first,
                                  @NotNull @Schema(type = "string") Isrc second,
                                  @NotNull ConflictBasis basis) {
    }

    @PostMapping("/v1/compliance/conflicts")
    @Operation(summary = "Open the conflict of a pair the duplicate report shows (AGENCY); registrations open theirs"
            + " automatically")
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody ConflictRequest request) {
        ConflictId id = pair(request.first(), request.second());
        for (Isrc isrc : List.of(id.first(), id.second())) {
            if (history.current(isrc).isEmpty()) {
                throw new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND,
                        isrc.equals(request.first()) ? "first" : "second", isrc.display() + " is not registered",
                        "Check the code.");
            }
        }
        try {
            commands.send(new OpenConflict(id, request.basis()));
        } catch (AggregateStreamCreationException | ConcurrencyException exists) {
            throw new RegistryRuleException(RegistryRuleException.Kind.CONFLICT, "first", "the pair " + id
                    + " has a conflict already", "See GET /v1/compliance/conflicts; a resolved pair stays resolved.");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(conflict(id));
    }

    /**
     * @param withdraw for DUPLICATE: the code to withdraw (one of the pair); the other survives
     */
    public record ResolutionRequest(@NotNull ConflictResolution resolution,
                                    @Schema(type = "string") Isrc withdraw,
                                    @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/v1/compliance/conflicts/{id}/resolution")
    @Operation(summary = "Resolve a conflict: DISTINCT_RECORDINGS (both stay) or DUPLICATE (withdraw one, pointing to"
            + " the other)", description = "A registrant must hold both codes' prefixes.")
    public Map<String, Object> resolve(@PathVariable String id, @Valid @RequestBody ResolutionRequest request) {
        ConflictId conflict;
        try {
            conflict = ConflictId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("id", e.getMessage(), "Use the id of a conflict as the queue lists it.");
        }
        Access.requireHolderOf(conflict.first().prefixCode());
        Access.requireHolderOf(conflict.second().prefixCode());
        boolean duplicate = request.resolution() == ConflictResolution.DUPLICATE;
        if (duplicate != (request.withdraw() != null) || duplicate && !conflict.involves(request.withdraw())) {
            throw new InvalidFieldException("withdraw", "a DUPLICATE names the code to withdraw, one of "
                    + conflict.first().display() + " and " + conflict.second().display() + ", and only a DUPLICATE"
                    + " does", "Send withdraw with DUPLICATE only, naming one of the pair.");
        }
        if ("RESOLVED".equals(conflict(conflict).get("status"))) {
            throw new RegistryRuleException(RegistryRuleException.Kind.CONFLICT, "id", "the conflict " + conflict
                    + " is resolved already", "A resolved conflict stays resolved.");
        }
        if (duplicate) {
            withdraw(request.withdraw(), conflict.other(request.withdraw()));
        }
        try {
            commands.send(new ResolveConflict(conflict, request.resolution(), request.withdraw(),
                    request.reason()));
        } catch (AggregateNotFoundException e) {
            throw new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "id", "no conflict " + conflict,
                    "Use the id of a conflict as the queue lists it.");
        }
        return conflict(conflict);
    }

    /** Through the recording's own withdrawal; a retry after it succeeded goes on with the resolution. */
    private void withdraw(Isrc withdrawn, Isrc survivor) {
        RecordingState state = history.current(withdrawn).orElseThrow(() -> new RegistryRuleException(
                RegistryRuleException.Kind.NOT_FOUND, "withdraw", withdrawn.display() + " is not registered",
                "Check the code."));
        if (state.status() == RecordingStatus.WITHDRAWN && survivor.equals(state.duplicateOf())
                && state.withdrawalReason() == WithdrawalReason.DUPLICATE) {
            return;
        }
        commands.send(WithdrawIsrc.asDuplicateOf(withdrawn, survivor));
    }

    private Map<String, Object> conflict(ConflictId id) {
        readYourWrites.awaitProjections(ComplianceProjection.PROCESSING_GROUP);
        return reports.page(queries.conflict(id.value()), null, 1).items().stream().findFirst()
                .orElseThrow(() -> new RegistryRuleException(
                RegistryRuleException.Kind.NOT_FOUND, "id", "no conflict " + id,
                "Use the id of a conflict as the queue lists it."));
    }

    private static ConflictId pair(Isrc first, Isrc second) {
        try {
            return new ConflictId(first, second);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("second", e.getMessage(), "Send two different ISRCs.");
        }
    }
}
