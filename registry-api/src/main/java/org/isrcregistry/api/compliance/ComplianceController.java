package org.isrcregistry.api.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.compliance.ComplianceQueries;
import org.isrcregistry.projections.compliance.ComplianceQueries.AuditSubject;
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

    /** The longest audit period asked at once. */
    static final Duration LONGEST_AUDIT = Duration.ofDays(366);
    /** The longest activity period asked at once, in months. */
    static final int LONGEST_ACTIVITY_MONTHS = 120;

    private final ComplianceQueries queries;
    private final ReportParameters parameters;
    private final ReportResponses responses;
    private final Clock clock = Clock.systemUTC();

    ComplianceController(ComplianceQueries queries, ReportParameters parameters, ReportResponses responses) {
        this.queries = queries;
        this.parameters = parameters;
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
        int given = (ReportParameters.blank(prefix) ? 0 : 1) + (ReportParameters.blank(actor) ? 0 : 1)
                + (ReportParameters.blank(isrc) ? 0 : 1);
        if (given != 1) {
            throw new InvalidFieldException("prefix", "the audit needs exactly one of prefix, actor and isrc; "
                    + given + " given", "Send one of prefix, actor or isrc.");
        }
        Set<PrefixCode> scope = Access.readScope();
        AuditSubject subject;
        if (!ReportParameters.blank(actor)) {
            String who = actor.strip();
            if (who.length() > 200 || !queries.knownActor(who, scope)) {
                throw new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "actor",
                        "nothing was done or refused by '" + (who.length() > 200 ? who.substring(0, 200) : who) + "'"
                                + (scope == null ? "" : " under your prefixes"),
                        "Send an actor as the events name it, e.g. token:<id> (GET /v1/admin/tokens lists them).");
            }
            subject = new AuditSubject(null, who, null);
        } else if (!ReportParameters.blank(isrc)) {
            subject = new AuditSubject(null, null, ReportParameters.isrc("isrc", isrc));
        } else {
            subject = new AuditSubject(parameters.prefix("prefix", prefix), null, null);
        }
        Instant end = ReportParameters.blank(to) ? clock.instant() : ReportParameters.instant("to", to, true);
        Instant start = ReportParameters.blank(from) ? end.minus(Duration.ofDays(30))
                : ReportParameters.instant("from", from, false);
        ReportParameters.period(start, end, LONGEST_AUDIT);
        return responses.answer(accept, queries.audit(subject, start, end, scope), cursor, limit);
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
        if (ReportParameters.blank(party) || party.length() > 300) {
            throw new InvalidFieldException("party", "party is required (at most 300 characters)",
                    "Send the owner's or distributor's name as registered.");
        }
        PartyRole partyRole = ReportParameters.option("role", role, PartyRole.class);
        LocalDate day = ReportParameters.blank(date) ? LocalDate.now(clock) : ReportParameters.date("date", date);
        Set<PrefixCode> scope = Access.readScope();
        if (!queries.knownParty(party.strip(), scope)) {
            throw new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "party",
                    "no recording" + (scope == null ? "" : " under your prefixes") + " was ever owned or distributed"
                            + " by '" + party.strip() + "'", "Send the party's name exactly as registered.");
        }
        return responses.answer(accept, queries.heldOn(party.strip(),
                (partyRole == null ? PartyRole.OWNER : partyRole).name(), day, scope), cursor, limit);
    }

    enum PartyRole { OWNER, DISTRIBUTOR }

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
        PrefixCode code = parameters.prefix("prefix", prefix);
        Instant at = ReportParameters.blank(asOf) ? clock.instant() : ReportParameters.instant("asOf", asOf, true);
        return responses.answer(accept, queries.catalogueAt(code, at), cursor, limit);
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
        return responses.answer(accept, queries.usage(parameters.prefix("prefix", prefix), LocalDate.now(clock),
                Access.readScope()), cursor, limit);
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
        return responses.answer(accept, queries.duplicates(parameters.prefix("prefix", prefix), Access.readScope()),
                cursor, limit);
    }

    enum Signal {
        ASSIGNED_UNDER_SUSPENDED_PREFIX, DURATION_CORRECTED, VERSION_KEEPS_AUDIO, VIDEO_WITHOUT_AUDIO_LINK,
        IMPORTED_YEAR_AFTER_FIRST_PUBLICATION
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
        Signal kind = ReportParameters.option("signal", signal, Signal.class);
        return responses.answer(accept, queries.signals(parameters.prefix("prefix", prefix),
                kind == null ? null : kind.name(), Access.readScope()), cursor, limit);
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
        return responses.answer(accept, queries.completeness(parameters.prefix("prefix", prefix), Access.readScope()),
                cursor, limit);
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
        return responses.answer(accept, queries.missingFields(parameters.prefix("prefix", prefix),
                Access.readScope()), cursor, limit);
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
        return responses.answer(accept, queries.withdrawals(parameters.prefix("prefix", prefix), Access.readScope()),
                cursor, limit);
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
        YearMonth last = ReportParameters.blank(to) ? YearMonth.now(clock.withZone(ZoneOffset.UTC))
                : ReportParameters.month("to", to);
        YearMonth first = ReportParameters.blank(from) ? last.minusMonths(11) : ReportParameters.month("from", from);
        if (first.isAfter(last)) {
            throw new InvalidFieldException("to", "the period ends (" + last + ") before it starts (" + first + ")",
                    "Send a 'to' month not before 'from'.");
        }
        if (first.plusMonths(LONGEST_ACTIVITY_MONTHS).isBefore(last.plusMonths(1))) {
            throw new InvalidFieldException("from", "the period from " + first + " to " + last + " is longer than "
                    + LONGEST_ACTIVITY_MONTHS + " months", "Ask for at most " + LONGEST_ACTIVITY_MONTHS
                    + " months at a time.");
        }
        return responses.answer(accept, queries.activity(parameters.prefix("prefix", prefix), first.atDay(1),
                last.plusMonths(1).atDay(1), Access.readScope()), cursor, limit);
    }

    enum ConflictStatus { OPEN, RESOLVED }

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
        ConflictStatus state = ReportParameters.option("status", status, ConflictStatus.class);
        return responses.answer(accept, queries.conflicts(state == null ? null : state.name(),
                parameters.prefix("prefix", prefix), Access.readScope()), cursor, limit);
    }

}
