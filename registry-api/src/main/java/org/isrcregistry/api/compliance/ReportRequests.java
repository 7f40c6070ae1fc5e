package org.isrcregistry.api.compliance;

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
import org.isrcregistry.projections.compliance.Report;
import org.springframework.stereotype.Service;

/**
 * The audit, the as-of queries and the compliance reports (docs/compliance.md), for the HTTP API and the console
 * alike: each reads its parameters as sent (text), refuses a bad one with a problem naming it, limits a registrant to
 * its own prefixes, and answers the report's query, to be read as pages or as CSV.
 */
@Service
public class ReportRequests {

    /** The longest audit period asked at once. */
    static final Duration LONGEST_AUDIT = Duration.ofDays(366);
    /** The longest activity period asked at once, in months. */
    static final int LONGEST_ACTIVITY_MONTHS = 120;

    /** The owner's or the distributor's holdings. */
    public enum PartyRole { OWNER, DISTRIBUTOR }

    /** The signals of the breaches report. */
    public enum Signal {
        ASSIGNED_UNDER_SUSPENDED_PREFIX, DURATION_CORRECTED, VERSION_KEEPS_AUDIO, VIDEO_WITHOUT_AUDIO_LINK,
        IMPORTED_YEAR_AFTER_FIRST_PUBLICATION
    }

    /** A conflict's state in the queue. */
    public enum ConflictStatus { OPEN, RESOLVED }

    private final ComplianceQueries queries;
    private final ReportParameters parameters;
    private final Clock clock = Clock.systemUTC();

    ReportRequests(ComplianceQueries queries, ReportParameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    /** Exactly one of prefix, actor and isrc; [from, to) instants or UTC days, the last 30 days by default. */
    public Report audit(String prefix, String actor, String isrc, String from, String to) {
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
        return queries.audit(subject, start, end, scope);
    }

    /** Every recording a party owned (or distributed) on a date, today by default. */
    public Report holdings(String party, String role, String date) {
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
        return queries.heldOn(party.strip(), (partyRole == null ? PartyRole.OWNER : partyRole).name(), day, scope);
    }

    /** A prefix's whole catalogue as it stood at an instant (or the end of a UTC day), now by default. */
    public Report catalogue(String prefix, String asOf) {
        PrefixCode code = parameters.prefix("prefix", prefix);
        if (code == null) {
            throw new InvalidFieldException("prefix", "prefix is required", "Send the prefix code, e.g. CA-K7Q.");
        }
        Instant at = ReportParameters.blank(asOf) ? clock.instant() : ReportParameters.instant("asOf", asOf, true);
        return queries.catalogueAt(code, at);
    }

    public Report usage(String prefix) {
        return queries.usage(parameters.prefix("prefix", prefix), LocalDate.now(clock), Access.readScope());
    }

    public Report duplicates(String prefix) {
        return queries.duplicates(parameters.prefix("prefix", prefix), Access.readScope());
    }

    public Report signals(String prefix, String signal) {
        Signal kind = ReportParameters.option("signal", signal, Signal.class);
        return queries.signals(parameters.prefix("prefix", prefix), kind == null ? null : kind.name(),
                Access.readScope());
    }

    public Report completeness(String prefix) {
        return queries.completeness(parameters.prefix("prefix", prefix), Access.readScope());
    }

    public Report missing(String prefix) {
        return queries.missingFields(parameters.prefix("prefix", prefix), Access.readScope());
    }

    public Report withdrawals(String prefix) {
        return queries.withdrawals(parameters.prefix("prefix", prefix), Access.readScope());
    }

    /** From and to are months, both included; the last 12 months by default. */
    public Report activity(String prefix, String from, String to) {
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
        return queries.activity(parameters.prefix("prefix", prefix), first.atDay(1), last.plusMonths(1).atDay(1),
                Access.readScope());
    }

    /** The conflict queue, open or resolved or both, within the token's reach. */
    public Report conflicts(String status, String prefix) {
        ConflictStatus state = ReportParameters.option("status", status, ConflictStatus.class);
        return queries.conflicts(state == null ? null : state.name(), parameters.prefix("prefix", prefix),
                Access.readScope());
    }
}
