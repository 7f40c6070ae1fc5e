package org.isrcregistry.api.ownership;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.isrcregistry.api.imports.ImportView;

/**
 * A bulk ownership transfer: its progress (recordings done of total, transferred, refused) and a page of its results.
 *
 * @param fromOwner null when the request listed the codes
 * @param status    RUNNING, COMPLETED, or FAILED (stopped by an error of the registry; the results so far stand)
 * @param nextAfter pass as {@code after} for the next page of results; absent on the last page
 */
public record TransferView(UUID id, String fromOwner, String newOwner, LocalDate effectiveDate, String status,
                           int total, int done, int transferred, int refused, Instant createdAt, Instant finishedAt,
                           List<Result> results, Integer nextAfter, @JsonIgnore String actor) {

    /**
     * @param position the recording's place in the transfer, from 0
     * @param outcome  TRANSFERRED (the recording has the new owner: an OwnershipTransferred event, none if it had it
     *                 already) or REFUSED
     */
    @Schema(name = "TransferResult")
    public record Result(int position, String isrc,
                         @Schema(allowableValues = {"TRANSFERRED", "REFUSED"}) String outcome,
                         @Schema(description = "why it was refused, as in the problem the same transfer alone would"
                                 + " get") ImportView.Refusal refusal) {
    }
}
