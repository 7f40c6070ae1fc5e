package org.isrcregistry.api.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.isrcregistry.projections.compliance.ReportPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The agency's and auditors' questions, answered from the event history (docs/compliance.md defines each answer): the
 * registrant audit, holdings and catalogues as of a date, and the compliance reports. Each answers JSON pages or, with
 * {@code Accept: text/csv}, one streamed CSV. A registrant gets the same answers about its own prefixes only.
 */
@RestController
@Tag(name = "Audits and compliance", description = "Registrant audits, as-of queries and compliance reports; JSON "
        + "pages (pass 'next' as 'cursor') or, with Accept: text/csv, the whole report streamed")
public class ComplianceController {

    private final ReportRequests reports;
    private final ReportResponses responses;

    ComplianceController(ReportRequests reports, ReportResponses responses) {
        this.reports = reports;
        this.responses = responses;
    }

    @GetMapping(value = "/v1/audit", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Registrant audit: everything done, and every command refused, under a prefix, by an actor or"
            + " on a recording, in a period",
            description = "Exactly one of prefix, actor and isrc. from (inclusive) and to (exclusive): instants, or "
                    + "UTC days (to: the end of that day); by default the last 30 days; at most 366 days.")
    public ResponseEntity<StreamingResponseBody> audit(@RequestParam(required = false) String prefix,
                                   @Parameter(description = "token:<id>, as in the events' actor")
                                   @RequestParam(required = false) String actor,
                                   @RequestParam(required = false) String isrc,
                                   @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) String limit,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.audit(prefix, actor, isrc, from, to), cursor, limit);
    }

    @GetMapping(value = "/v1/catalogue/holdings", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Every recording a party owned (or distributed) on a date, by the effective dates of the "
            + "ownership transfers and distributor changes")
    public ResponseEntity<StreamingResponseBody> holdings(@RequestParam(required = false) String party,
                                      @Parameter(description = "OWNER (default) or DISTRIBUTOR")
                                      @RequestParam(required = false) String role,
                                      @Parameter(description = "ISO 8601 date; today by default")
                                      @RequestParam(required = false) String date,
                                      @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) String limit,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.holdings(party, role, date), cursor, limit);
    }


    @GetMapping(value = "/v1/prefixes/{prefix}/catalogue", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "The prefix's whole catalogue as it stood at an instant, folded from the events")
    public ResponseEntity<StreamingResponseBody> catalogue(@PathVariable String prefix,
                                       @Parameter(description = "ISO 8601 instant or UTC day (its end); now by default")
                                       @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) String limit,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.catalogue(prefix, asOf), cursor, limit);
    }

    @GetMapping(value = "/v1/compliance/usage", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Codes issued per prefix and year of reference, share of the range, run-out date; over 80 %"
            + " flagged")
    public ResponseEntity<StreamingResponseBody> usage(@RequestParam(required = false) String prefix,
                                   @RequestParam(required = false) String cursor,
                                   @RequestParam(required = false) String limit,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.usage(prefix), cursor, limit);
    }

    @GetMapping(value = "/v1/compliance/duplicates", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Possible duplicates across ISRCs: same fingerprint, or same normalised artist, title, "
            + "version title and kind with durations within 2 s")
    public ResponseEntity<StreamingResponseBody> duplicates(@RequestParam(required = false) String prefix,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(required = false) String limit,
                                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.duplicates(prefix), cursor, limit);
    }


    @GetMapping(value = "/v1/compliance/signals", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Rule breaches and their signals")
    public ResponseEntity<StreamingResponseBody> signals(@RequestParam(required = false) String prefix,
                                     @RequestParam(required = false) String signal,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) String limit,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.signals(prefix, signal), cursor, limit);
    }

    @GetMapping(value = "/v1/compliance/completeness", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Per registrant (prefix): share of active recordings with each IFPI minimum field")
    public ResponseEntity<StreamingResponseBody> completeness(@RequestParam(required = false) String prefix,
                                          @RequestParam(required = false) String cursor,
                                          @RequestParam(required = false) String limit,
                                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.completeness(prefix), cursor, limit);
    }

    @GetMapping(value = "/v1/compliance/completeness/missing", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "The active recordings missing one of IFPI's minimum fields, and which")
    public ResponseEntity<StreamingResponseBody> missing(@RequestParam(required = false) String prefix,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) String limit,
                                     @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.missing(prefix), cursor, limit);
    }

    @GetMapping(value = "/v1/compliance/withdrawals", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Withdrawn codes, with the code each points to")
    public ResponseEntity<StreamingResponseBody> withdrawals(@RequestParam(required = false) String prefix,
                                         @RequestParam(required = false) String cursor,
                                         @RequestParam(required = false) String limit,
                                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.withdrawals(prefix), cursor, limit);
    }

    @GetMapping(value = "/v1/compliance/activity", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "Codes assigned, imported, transferred and withdrawn per registrant (prefix) per month",
            description = "from and to are months (2026-01), both included; the last 12 months by default; at most"
                    + " 120 months.")
    public ResponseEntity<StreamingResponseBody> activity(@RequestParam(required = false) String prefix,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) String limit,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.activity(prefix, from, to), cursor, limit);
    }


    @GetMapping(value = "/v1/compliance/conflicts", produces = {"application/json", ReportResponses.CSV})
    @ApiResponse(responseCode = "200", description = "A page of the report (JSON), or the whole report (text/csv)",
            content = {@Content(mediaType = "application/json", schema = @Schema(implementation = ReportPage.class)),
                    @Content(mediaType = ReportResponses.CSV, schema = @Schema(type = "string"))})
    @Operation(summary = "The conflict queue: possible duplicates, open or resolved")
    public ResponseEntity<StreamingResponseBody> conflicts(@RequestParam(required = false) String status,
                                       @RequestParam(required = false) String prefix,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) String limit,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return responses.answer(accept, reports.conflicts(status, prefix), cursor, limit);
    }

}
