package org.isrcregistry.api.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bulk import: its progress (rows done of total, counts per outcome) and a page of its row results.
 *
 * @param status    RUNNING, COMPLETED, or FAILED (stopped by an error of the registry; the results so far stand)
 * @param nextAfter pass as {@code after} for the next page of rows; absent on the last page
 */
public record ImportView(UUID id, String prefix, String status, int total, int done, int registered,
                         int alreadyRegistered, int refused, Instant createdAt, Instant finishedAt,
                         List<Row> rows, Integer nextAfter) {

    /**
     * @param row     the row's number in the file, from 1 (the CSV header row not counted)
     * @param outcome REGISTERED, ALREADY_REGISTERED (nothing changed) or REFUSED
     */
    public record Row(int row, String isrc, @Schema(allowableValues = {"REGISTERED", "ALREADY_REGISTERED", "REFUSED"})
                      String outcome, List<String> possibleDuplicates, Refusal refusal) {
    }

    /** Why a row was refused, as in the problem the same registration alone would get. */
    public record Refusal(URI type, String field, String detail, String action) {
    }
}
