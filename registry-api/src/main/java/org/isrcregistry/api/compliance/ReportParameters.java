package org.isrcregistry.api.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.problem.ProblemHandler;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.core.identifier.InvalidIdentifierException;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.compliance.Reports;
import org.isrcregistry.projections.prefix.PrefixQueries;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The query parameters of the audit and the reports, read strictly: each bad value is a 400 problem naming the
 * parameter, an unknown prefix a 404, a prefix a registrant does not hold a 403.
 */
@Component
class ReportParameters {

    static final int DEFAULT_PAGE_SIZE = 100;

    private final PrefixQueries prefixes;

    ReportParameters(PrefixQueries prefixes) {
        this.prefixes = prefixes;
    }

    /** A registered prefix the token may read about; null when the parameter is absent. */
    PrefixCode prefix(String name, String text) {
        if (blank(text)) {
            return null;
        }
        PrefixCode code;
        try {
            code = PrefixCode.parse(text);
        } catch (InvalidIdentifierException e) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemHandler.identifierProblem(name, e), e);
        }
        Access.requireReaderOf(code);
        if (prefixes.find(code).isEmpty()) {
            throw new RegistryRuleException(RegistryRuleException.Kind.PREFIX_NOT_REGISTERED, name,
                    code.display() + " is not registered", "Check the prefix code, or ask the agency to register it.");
        }
        return code;
    }

    static Isrc isrc(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            Isrc isrc = Isrc.parse(text);
            Access.requireReaderOf(isrc.prefixCode());
            return isrc;
        } catch (InvalidIdentifierException e) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemHandler.identifierProblem(name, e), e);
        }
    }

    /** An instant (2026-03-01T12:00:00Z) or a UTC day (2026-03-01): its start, or with {@code endOfDay} its end. */
    static Instant instant(String name, String text, boolean endOfDay) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, name + " '" + text + "' is neither an instant nor a date",
                    "Send an ISO 8601 instant with its offset (2026-03-01T12:00:00Z) or a day (2026-03-01).");
        }
    }

    static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, name + " '" + text + "' is not a date",
                    "Send an ISO 8601 date, e.g. 2026-03-01.");
        }
    }

    /** A month (2026-03) or a day of it. */
    static YearMonth month(String name, String text) {
        String value = text.strip();
        try {
            return value.length() == 7 ? YearMonth.parse(value) : YearMonth.from(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(name, name + " '" + text + "' is not a month",
                    "Send a month as 2026-03 (or a date in it).");
        }
    }

    /** [from, to): from before to, at most {@code longest} apart. */
    static void period(Instant from, Instant to, Duration longest) {
        if (!from.isBefore(to)) {
            throw new InvalidFieldException("to", "the period ends (" + to + ") before it starts (" + from + ")",
                    "Send a 'to' later than 'from'.");
        }
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw new InvalidFieldException("from", "the period from " + from + " to " + to + " is longer than "
                    + longest.toDays() + " days", "Ask for at most " + longest.toDays() + " days at a time.");
        }
    }

    static int limit(String text) {
        if (blank(text)) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= Reports.MAX_PAGE_SIZE) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidFieldException("limit", "limit '" + text + "' is not a whole number from 1 to "
                + Reports.MAX_PAGE_SIZE, "Send a whole number from 1 to " + Reports.MAX_PAGE_SIZE + ".");
    }

    static <E extends Enum<E>> E option(String name, String text, Class<E> type) {
        if (blank(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String values = Arrays.toString(type.getEnumConstants());
            throw new InvalidFieldException(name, name + " '" + text + "' is not one of " + values,
                    "Send one of " + values + ".");
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
