package org.isrcregistry.api.recording;

import java.util.List;
import java.util.function.Supplier;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.recording.RecordingCommandController.DistributorChangeRequest;
import org.isrcregistry.api.recording.RecordingCommandController.MetadataCorrectionRequest;
import org.isrcregistry.api.recording.RecordingCommandController.NewVersionRequest;
import org.isrcregistry.api.recording.RecordingCommandController.OwnershipTransferRequest;
import org.isrcregistry.api.recording.RecordingCommandController.ReleaseRequest;
import org.isrcregistry.api.recording.RecordingCommandController.WithdrawalRequest;
import org.isrcregistry.api.recording.RecordingCommandController.WorkRequest;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.prefix.DeclareNewVersion;
import org.isrcregistry.core.prefix.IsrcRegistration;
import org.isrcregistry.core.recording.ChangeDistributor;
import org.isrcregistry.core.recording.CorrectMetadata;
import org.isrcregistry.core.recording.LinkRelease;
import org.isrcregistry.core.recording.LinkWork;
import org.isrcregistry.core.recording.Release;
import org.isrcregistry.core.recording.TransferOwnership;
import org.isrcregistry.core.recording.VersionReason;
import org.isrcregistry.core.recording.WithdrawIsrc;
import org.springframework.stereotype.Service;

/**
 * What happens to a recording after its code was issued, for the HTTP API and the console alike: each change answers
 * at once with the recording's state as it committed it ({@link RecordingStates}). Who may change which recording is decided before (the
 * URL rules of api.security), but for a new version's prefix, which is named in the request.
 */
@Service
public class RecordingChanges {

    private final RegistryCommands commands;
    private final RecordingStates states;
    private final Assignments assignments;

    RecordingChanges(RegistryCommands commands, RecordingStates states, Assignments assignments) {
        this.commands = commands;
        this.states = states;
        this.assignments = assignments;
    }

    /** Assigns the prefix's next ISRC; answers as soon as it has committed (see {@link Assignments}). */
    public RecordingResponse assign(PrefixCode prefix, RecordingRequest request) {
        return assignments.assign(prefix, request.details(), request.client());
    }

    public RecordingResponse declareVersion(Isrc isrc, NewVersionRequest request) {
        VersionReason reason = field("description", () -> new VersionReason(request.change(), request.description()));
        PrefixCode prefix = request.prefix() == null ? isrc.prefixCode() : request.prefix();
        Access.requireHolderOf(prefix);
        IsrcRegistration registration = commands.send(new DeclareNewVersion(isrc, prefix, reason,
                request.recording().details(), request.recording().client()));
        return states.response(registration.isrc(), registration.possibleDuplicates());
    }

    public RecordingResponse transferOwnership(Isrc isrc, OwnershipTransferRequest request) {
        commands.send(new TransferOwnership(isrc, request.newOwner(), request.effectiveDate()));
        return states.response(isrc, List.of());
    }

    public RecordingResponse changeDistributor(Isrc isrc, DistributorChangeRequest request) {
        commands.send(new ChangeDistributor(isrc, request.distributor(), request.effectiveDate()));
        return states.response(isrc, List.of());
    }

    public RecordingResponse correct(Isrc isrc, MetadataCorrectionRequest request) {
        commands.send(new CorrectMetadata(isrc, request.correction(), request.reason()));
        return states.response(isrc, List.of());
    }

    public RecordingResponse linkRelease(Isrc isrc, ReleaseRequest request) {
        commands.send(new LinkRelease(isrc, new Release(request.code(), request.title(), request.format(),
                request.territories())));
        return states.response(isrc, List.of());
    }

    public RecordingResponse linkWork(Isrc isrc, WorkRequest request) {
        commands.send(new LinkWork(isrc, request.iswc()));
        return states.response(isrc, List.of());
    }

    public RecordingResponse withdraw(Isrc isrc, WithdrawalRequest request) {
        commands.send(field("duplicateOf", () -> new WithdrawIsrc(isrc, request.reason(), request.duplicateOf())));
        return states.response(isrc, List.of());
    }

    /** A value record's own check (e.g. a duplicate must name the ISRC kept), reported on the field it concerns. */
    private static <T> T field(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage(), "Correct " + field + " and send the request again.");
        }
    }
}
