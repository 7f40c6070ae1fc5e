package org.isrcregistry.api.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.http.CachedBodyRequest;
import org.isrcregistry.api.imports.ImportParser.Format;
import org.isrcregistry.api.problem.ProblemType;
import org.isrcregistry.api.problem.Problems;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bulk imports", description = "Register up to 100,000 existing ISRCs of one prefix from CSV or NDJSON")
public class ImportController {

    static final String NDJSON = "application/x-ndjson";

    private final RecordingImports imports;

    ImportController(RecordingImports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/v1/prefixes/{prefix}/recordings/imports", consumes = {"text/csv", NDJSON, "application/ndjson"})
    @Operation(operationId = "startImport",
            summary = "Import existing ISRCs of the prefix (CSV with a header row, or NDJSON)",
            description = "Columns/fields: isrc, title, versionTitle, mainArtist, duration, kind, firstPublished, owner,"
                    + " distributor, fingerprint, audioIsrc (contributors in NDJSON only). Rows are independent: each"
                    + " is registered, already registered (nothing changes) or refused with its reason. The same"
                    + " content again is the same import. Answers at once; follow Location for progress and results.")
    @ApiResponse(responseCode = "202", description = "Accepted; Location is the import")
    public ResponseEntity<ImportView> start(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
                                            HttpServletRequest request) {
        Format format = MediaType.parseMediaType(request.getContentType()).getSubtype().contains("csv") ? Format.CSV
                : Format.NDJSON;
        ImportView started = imports.start(prefix, CachedBodyRequest.body(request), format,
                RegistryCommands.actorOf(request), RegistryCommands.correlationId());
        return ResponseEntity.accepted().location(location(prefix, started.id())).body(started);
    }

    @GetMapping("/v1/prefixes/{prefix}/recordings/imports/{id}")
    @Operation(operationId = "getImport", summary = "An import's progress, and its row results page by page")
    public ImportView get(@PathVariable @Schema(type = "string") PrefixCode prefix, @PathVariable UUID id,
                          @Parameter(description = "rows after this row number") @RequestParam(defaultValue = "0") int after,
                          @Parameter(description = "at most this many rows (0-10000)") @RequestParam(defaultValue = "1000") int limit,
                          @Parameter(description = "only rows with this outcome") @RequestParam(required = false)
                          @Schema(allowableValues = {"REGISTERED", "ALREADY_REGISTERED", "REFUSED"}) String outcome) {
        return imports.view(id, after, Math.max(0, Math.min(limit, 10_000)), outcome)
                .filter(view -> view.prefix().equals(prefix.value()))
                .orElseThrow(() -> new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "id",
                        "No import " + id + " under " + prefix.display(), "Use the Location the import answered with."));
    }

    @ExceptionHandler(ImportParser.TooManyRowsException.class)
    ProblemDetail tooManyRows(ImportParser.TooManyRowsException e) {
        return Problems.of(ProblemType.TOO_MANY_ROWS, "The import has more than " + e.maxRows + " rows", null,
                "Split it into imports of at most " + e.maxRows + " rows.");
    }

    private static URI location(PrefixCode prefix, UUID id) {
        return URI.create("/v1/prefixes/" + prefix.display() + "/recordings/imports/" + id);
    }
}
