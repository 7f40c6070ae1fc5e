package org.isrcregistry.api.recording;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.history.RecordingHistory;
import org.isrcregistry.projections.prefix.PrefixQueries;
import org.isrcregistry.projections.recording.Lineage;
import org.isrcregistry.projections.recording.RecordingPage;
import org.isrcregistry.projections.recording.RecordingQueries;
import org.isrcregistry.projections.recording.RecordingSearch;
import org.isrcregistry.projections.recording.RecordingState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Looking recordings up: by ISRC (now, or as of an instant), their history and lineage, search, and a registrant's
 * full list. The current state comes from the read model; history and {@code asOf} from the event store itself.
 */
@RestController
@Tag(name = "Recordings (queries)", description = "Look-up, history, lineage, search and a prefix's full list")
public class RecordingQueryController {

    static final String CSV = "text/csv";

    private final RecordingQueries queries;
    private final RecordingStates states;
    private final RecordingSearches searches;
    private final RecordingHistory history;
    private final PrefixQueries prefixes;

    RecordingQueryController(RecordingQueries queries, RecordingStates states, RecordingSearches searches,
                             RecordingHistory history, PrefixQueries prefixes) {
        this.queries = queries;
        this.states = states;
        this.searches = searches;
        this.history = history;
        this.prefixes = prefixes;
    }

    /** The recording and its new versions, each in the recording's representation. */
    public record LineageView(RecordingState recording, RecordingState parent, List<RecordingState> children) {
    }

    public record HistoryView(Isrc isrc, String display, List<RecordingHistory.Entry> events) {
    }

    @GetMapping("/v1/recordings/{isrc}")
    @Operation(operationId = "getRecording", summary = "Look a recording up by its ISRC, now or as of an instant",
            description = "The ISRC in any accepted form: CAK7Q2600001, ca-k7q-26-00001, ISRC CA-K7Q-26-00001.")
    @ApiResponse(responseCode = "200", description = "The recording's public state (no fingerprint, no duplicate"
            + " warnings: see RecordingState#forPublic)",
            content = @Content(schema = @Schema(implementation = RecordingState.class)))
    public ResponseEntity<?> get(@PathVariable String isrc,
                                 @Parameter(description = "ISO 8601 instant, e.g. 2026-03-01T12:00:00Z: the state at "
                                         + "that instant, folded from the recording's own events")
                                 @RequestParam(required = false) String asOf) {
        Isrc code = Isrc.parse(isrc);
        if (asOf != null) {
            Instant instant = instant(asOf);
            return ResponseEntity.ok(history.asOf(code, instant)
                    .orElseThrow(() -> notFound(code, " did not exist at " + instant)).forPublic());
        }
        // The hot path: one query answers the public JSON when the read model's row is current.
        Optional<String> json = queries.findPublicJson(code);
        if (json.isPresent()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.get());
        }
        return ResponseEntity.ok(states.folded(code).forPublic());
    }

    @GetMapping("/v1/recordings/{isrc}/history")
    @Operation(operationId = "recordingHistory",
            summary = "Every event of the recording, in order, with time, actor, correlation id and reason")
    public HistoryView history(@PathVariable String isrc) {
        Isrc code = Isrc.parse(isrc);
        List<RecordingHistory.Entry> entries = history.entries(code);
        if (entries.isEmpty()) {
            throw notFound(code, " is not registered");
        }
        return new HistoryView(code, code.display(), entries);
    }

    @GetMapping("/v1/recordings/{isrc}/lineage")
    @Operation(summary = "The recording, its parent (if it is a new version) and its new versions")
    public LineageView lineage(@PathVariable String isrc) {
        Isrc code = Isrc.parse(isrc);
        RecordingState recording = states.current(code);
        Lineage lineage = states.lineage(recording);
        return new LineageView(recording.forPublic(), lineage.parent() == null ? null : lineage.parent().forPublic(),
                lineage.children().stream().map(RecordingState::forPublic).toList());
    }

    @GetMapping("/v1/recordings")
    @Operation(operationId = "searchRecordings", summary = "Search recordings",
            description = "title and artist match anywhere, whatever the case and accents; all criteria combine. "
                    + "Pages are in ISRC order; pass the 'next' of a page as 'cursor' for the following one.")
    public RecordingPage search(@RequestParam(required = false) String title,
                                @RequestParam(required = false) String artist,
                                @RequestParam(required = false) String prefix,
                                @Parameter(description = "year of reference: 26 or 2026")
                                @RequestParam(required = false) String year,
                                @RequestParam(required = false) String kind,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) String limit) {
        return searches.page(searches.search(title, artist, prefix, year, kind, status), cursor, limit);
    }

    @GetMapping(value = "/v1/prefixes/{prefix}/recordings", produces = "application/json")
    @Operation(summary = "A registrant's full list of recordings, as JSON pages in ISRC order")
    public RecordingPage list(@PathVariable String prefix, @RequestParam(required = false) String cursor,
                              @RequestParam(required = false) String limit) {
        return searches.page(RecordingSearch.ofPrefix(registered(prefix)), cursor, limit);
    }

    @GetMapping(value = "/v1/prefixes/{prefix}/recordings", produces = CSV)
    @Operation(summary = "A registrant's full list of recordings as CSV, streamed (any number of rows)")
    @ApiResponse(responseCode = "200", description = "One row per recording, with a header row, in ISRC order",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    public ResponseEntity<StreamingResponseBody> csv(@PathVariable String prefix) {
        PrefixCode code = registered(prefix);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            queries.writeCsv(code, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, CSV + ";charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code.value() + "-recordings.csv\"")
                .body(body);
    }

    private PrefixCode registered(String prefix) {
        PrefixCode code = PrefixCode.parse(prefix);
        if (prefixes.find(code).isEmpty()) {
            throw new RegistryRuleException(RegistryRuleException.Kind.PREFIX_NOT_REGISTERED, "prefix",
                    code.display() + " is not registered", "Check the prefix code, or ask the agency to register it.");
        }
        return code;
    }

    private static RegistryRuleException notFound(Isrc isrc, String why) {
        return new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "isrc", isrc.display() + why,
                "Check the code, or register it first.");
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("asOf", "'" + text + "' is not an instant",
                    "Send an ISO 8601 instant with its offset, e.g. 2026-03-01T12:00:00Z.");
        }
    }
}
