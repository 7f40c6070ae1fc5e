package org.isrcregistry.api.recording;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.identifier.ReleaseCode;
import org.isrcregistry.core.input.Text;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs.Registration;
import org.isrcregistry.core.prefix.RegisterExistingIsrcs;
import org.isrcregistry.core.prefix.RegistrationOutcome;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.Contributor;
import org.isrcregistry.core.recording.MetadataCorrection;
import org.isrcregistry.core.recording.RecordingKind;
import org.isrcregistry.core.recording.WithdrawalReason;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Every change to recordings: assigning, registering and versioning codes, and what happens to them afterwards. */
@RestController
@Tag(name = "Recordings (commands)", description = "Assign, register, version and change recordings. Every POST, PUT"
        + " and PATCH accepts an Idempotency-Key header.")
public class RecordingCommandController {

    private final RegistryCommands commands;
    private final RecordingStates states;
    private final RecordingChanges changes;

    RecordingCommandController(RegistryCommands commands, RecordingStates states, RecordingChanges changes) {
        this.commands = commands;
        this.states = states;
        this.changes = changes;
    }

    @PostMapping("/v1/prefixes/{prefix}/recordings")
    @Operation(summary = "Assign the next ISRC of the prefix to a new recording")
    @ApiResponse(responseCode = "201", description = "Assigned; Location is the recording")
    public ResponseEntity<RecordingResponse> assign(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
                                                    @Valid @RequestBody RecordingRequest request) {
        RecordingResponse assigned = changes.assign(prefix, request);
        return ResponseEntity.status(HttpStatus.CREATED).location(location(assigned.isrc())).body(assigned);
    }

    @PutMapping("/v1/recordings/{isrc}")
    @Operation(operationId = "registerRecording",
            summary = "Register an existing ISRC (assigned outside the registry) with its recording",
            description = "The same registration again changes nothing and answers 200.")
    @ApiResponse(responseCode = "201", description = "Registered")
    @ApiResponse(responseCode = "200", description = "Already registered with exactly these details; nothing changed")
    public ResponseEntity<RecordingResponse> register(@PathVariable @Schema(type = "string") Isrc isrc,
                                                      @Valid @RequestBody RecordingRequest request) {
        RegistrationOutcome outcome = registerOne(isrc, request);
        RecordingResponse body = states.response(isrc, outcome.possibleDuplicates());
        return outcome.result() == RegistrationOutcome.Result.REGISTERED
                ? ResponseEntity.created(location(isrc)).body(body) : ResponseEntity.ok(body);
    }

    /** As a batch of one, whose outcome tells a new registration (201) from a repeated one (200). */
    private RegistrationOutcome registerOne(Isrc isrc, RecordingRequest request) {
        List<RegistrationOutcome> outcomes = commands.send(new RegisterExistingIsrcs(isrc.prefixCode(),
                List.of(new Registration(isrc, request.details()))));
        RegistrationOutcome outcome = outcomes.get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome;
    }

    /** @param prefix the declaring registrant's prefix, which issues the new code (by default the parent's) */
    public record NewVersionRequest(
            @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
            @NotNull ChangeKind change,
            @Size(max = Text.TITLE) @Schema(description = "what changed; required when change is OTHER") String description,
            @NotNull @Valid RecordingRequest recording) {
    }

    @PostMapping("/v1/recordings/{isrc}/versions")
    @Operation(summary = "Declare a new version (remix, edit, live ...): it gets a new ISRC linked to its parent")
    @ApiResponse(responseCode = "201", description = "The new version; Location is its recording")
    public ResponseEntity<RecordingResponse> declareVersion(@PathVariable @Schema(type = "string") Isrc isrc,
                                                            @Valid @RequestBody NewVersionRequest request) {
        return created(changes.declareVersion(isrc, request));
    }

    public record OwnershipTransferRequest(@NotBlank @Size(max = Text.NAME) String newOwner,
                                           @NotNull LocalDate effectiveDate) {
    }

    @PostMapping("/v1/recordings/{isrc}/ownership-transfers")
    @Operation(summary = "Transfer the master to a new owner; the ISRC stays the same")
    public RecordingResponse transferOwnership(@PathVariable @Schema(type = "string") Isrc isrc,
                                               @Valid @RequestBody OwnershipTransferRequest request) {
        return changes.transferOwnership(isrc, request);
    }

    /** @param distributor null or left out: no distributor any more */
    public record DistributorChangeRequest(@Size(max = Text.NAME) String distributor, @NotNull LocalDate effectiveDate) {
    }

    @PostMapping("/v1/recordings/{isrc}/distributor-changes")
    @Operation(summary = "Move the recording to another distributor; the ISRC stays the same")
    public RecordingResponse changeDistributor(@PathVariable @Schema(type = "string") Isrc isrc,
                                               @Valid @RequestBody DistributorChangeRequest request) {
        return changes.changeDistributor(isrc, request);
    }

    /**
     * The fields given replace the current ones; fields left out keep their value (send "" to clear the version
     * title).
     */
    public record MetadataCorrectionRequest(
            @NotBlank @Size(max = Text.REASON) @Schema(description = "why; kept in the history") String reason,
            @Size(max = Text.TITLE) String title,
            @Size(max = Text.TITLE) String versionTitle,
            @Size(max = Text.TITLE) String mainArtist,
            @Size(max = 200) List<@NotNull @Valid Contributor> contributors,
            @Schema(type = "string", example = "PT3M18.5S") RecordingDuration duration,
            RecordingKind kind,
            LocalDate firstPublished) {

        MetadataCorrection correction() {
            if (title != null && title.isBlank() || mainArtist != null && mainArtist.isBlank()) {
                String blank = title != null && title.isBlank() ? "title" : "mainArtist";
                throw new InvalidFieldException(blank, blank + " cannot be blank",
                        "Leave " + blank + " out to keep it, or send the corrected value.");
            }
            return new MetadataCorrection(title, versionTitle, mainArtist, contributors, duration, kind, firstPublished);
        }
    }

    @PatchMapping("/v1/recordings/{isrc}")
    @Operation(summary = "Correct the metadata of the same audio (typos, spellings), with a reason",
            description = "A change of kind, or of the duration beyond the agency's tolerance, is refused: declare a"
                    + " new version instead.")
    public RecordingResponse correct(@PathVariable @Schema(type = "string") Isrc isrc,
                                     @Valid @RequestBody MetadataCorrectionRequest request) {
        return changes.correct(isrc, request);
    }

    public record ReleaseRequest(
            @NotNull @Schema(type = "string", example = "036000291452", description = "UPC (12 digits) or EAN (13)")
            ReleaseCode code,
            @NotBlank @Size(max = Text.TITLE) String title,
            @NotBlank @Size(max = Text.LABEL) @Schema(example = "Digital album") String format,
            @Size(max = 300) Set<@NotBlank @Size(min = 2, max = 2) String> territories) {
    }

    @PostMapping("/v1/recordings/{isrc}/releases")
    @Operation(summary = "Link a release (UPC/EAN) the recording appears on; the same link again changes nothing")
    public RecordingResponse linkRelease(@PathVariable @Schema(type = "string") Isrc isrc,
                                         @Valid @RequestBody ReleaseRequest request) {
        return changes.linkRelease(isrc, request);
    }

    public record WorkRequest(@NotNull @Schema(type = "string", example = "T-034.524.680-1") Iswc iswc) {
    }

    @PostMapping("/v1/recordings/{isrc}/works")
    @Operation(summary = "Link a musical work (ISWC) the recording realises; the same link again changes nothing")
    public RecordingResponse linkWork(@PathVariable @Schema(type = "string") Isrc isrc,
                                      @Valid @RequestBody WorkRequest request) {
        return changes.linkWork(isrc, request);
    }

    /** @param duplicateOf the ISRC the recording keeps; required for, and only for, DUPLICATE */
    public record WithdrawalRequest(@NotNull WithdrawalReason reason,
                                    @Schema(type = "string") Isrc duplicateOf) {
    }

    @PostMapping("/v1/recordings/{isrc}/withdrawal")
    @Operation(summary = "Withdraw the ISRC for ever (assigned in error, or a duplicate of the ISRC kept)",
            description = "The code is never issued again; a withdrawn ISRC refuses every change.")
    public RecordingResponse withdraw(@PathVariable @Schema(type = "string") Isrc isrc,
                                      @Valid @RequestBody WithdrawalRequest request) {
        return changes.withdraw(isrc, request);
    }

    private static ResponseEntity<RecordingResponse> created(RecordingResponse created) {
        return ResponseEntity.status(HttpStatus.CREATED).location(location(created.isrc())).body(created);
    }

    private static URI location(Isrc isrc) {
        return URI.create("/v1/recordings/" + isrc.value());
    }
}
