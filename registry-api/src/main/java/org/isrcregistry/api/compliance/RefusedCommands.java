package org.isrcregistry.api.compliance;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.problem.RefusalLedger;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger of refused commands ({@code refused_command}, append-only): every write request (POST, PUT, PATCH,
 * DELETE) answered with a 4xx problem by a rule, a validation or an authorization, with who sent it, when, what and
 * which rule. Requests without a usable token (401) are not recorded: they name nobody, and anybody could fill the
 * ledger with them. Nor are validations of codes (a query sent as POST). A refusal is recorded after the fact, in a
 * transaction of its own; if that fails, the answer still goes out and the failure is logged.
 */
@Component
public class RefusedCommands implements RefusalLedger {

    private static final Logger log = LoggerFactory.getLogger(RefusedCommands.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PREFIX_PATH = Pattern.compile("^/v1/prefixes/([^/]+)");
    private static final Pattern ISRC_PATH = Pattern.compile("^/v1/recordings/([^/]+)");
    private static final String RECORDED = RefusedCommands.class.getName() + ".recorded";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RefusedCommands(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void record(HttpServletRequest request, ProblemDetail problem) {
        int status = problem.getStatus();
        if (status < 400 || status >= 500 || status == 401 || !WRITES.contains(request.getMethod())
                || request.getDispatcherType() != DispatcherType.REQUEST || request.getAttribute(RECORDED) != null
                || request.getRequestURI().equals("/v1/isrc-validations")) {
            return;
        }
        request.setAttribute(RECORDED, true);
        String path = request.getRequestURI();
        Isrc isrc = isrc(path);
        PrefixCode prefix = isrc != null ? isrc.prefixCode() : prefix(path);
        Object field = problem.getProperties() == null ? null : problem.getProperties().get("field");
        try {
            jdbc.update("""
                    INSERT INTO refused_command (occurred_at, actor, method, path, prefix_code, isrc, status,
                        problem_type, detail, field, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Timestamp.from(clock.instant()), RegistryCommands.actorOf(request), request.getMethod(),
                    cut(path, 500), prefix == null ? null : prefix.value(), isrc == null ? null : isrc.value(), status,
                    problem.getType().toString(), cut(problem.getDetail(), 2000),
                    field == null ? null : cut(field.toString(), 200), RegistryCommands.correlationId());
        } catch (RuntimeException e) {
            log.error("Could not record the refusal of {} {} ({})", request.getMethod(), path, status, e);
        }
    }

    private static Isrc isrc(String path) {
        Matcher matcher = ISRC_PATH.matcher(path);
        try {
            return matcher.find() ? Isrc.parse(matcher.group(1)) : null;
        } catch (IllegalArgumentException notACode) {
            return null;
        }
    }

    private static PrefixCode prefix(String path) {
        Matcher matcher = PREFIX_PATH.matcher(path);
        try {
            return matcher.find() ? PrefixCode.parse(matcher.group(1)) : null;
        } catch (IllegalArgumentException notACode) {
            return null;
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
