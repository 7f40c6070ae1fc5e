package org.isrcregistry.api.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.isrcregistry.api.config.AgencyProperties;
import org.isrcregistry.api.imports.RecordingImports;
import org.isrcregistry.api.prefix.Prefixes;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.api.security.ApiToken;
import org.isrcregistry.api.security.Role;
import org.isrcregistry.projections.compliance.ComplianceQueries;
import org.isrcregistry.projections.compliance.Report;
import org.isrcregistry.projections.feed.KafkaFeedMetrics;
import org.isrcregistry.projections.ledger.LedgerProofs;
import org.isrcregistry.projections.prefix.PrefixQueries;
import org.isrcregistry.projections.prefix.PrefixView;
import org.isrcregistry.projections.registrant.RegistrantQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in, and the first page after: the agency's dashboard, or a registrant's own prefixes. */
@Controller
class HomePages {

    private final PrefixQueries prefixQueries;
    private final Prefixes prefixes;
    private final RecordingImports imports;
    private final ObjectProvider<KafkaFeedMetrics> feed;
    private final AgencyProperties agency;
    private final RegistrantQueries registrants;
    private final ComplianceQueries compliance;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<LedgerProofs> ledger;

    HomePages(PrefixQueries prefixQueries, Prefixes prefixes, RecordingImports imports,
              ObjectProvider<KafkaFeedMetrics> feed, AgencyProperties agency, RegistrantQueries registrants,
              ComplianceQueries compliance, JdbcTemplate jdbc, ObjectProvider<LedgerProofs> ledger) {
        this.ledger = ledger;
        this.registrants = registrants;
        this.compliance = compliance;
        this.jdbc = jdbc;
        this.prefixQueries = prefixQueries;
        this.prefixes = prefixes;
        this.imports = imports;
        this.feed = feed;
        this.agency = agency;
    }

    /** After a refused sign-in, an ended session or a sign-out, the page says which. */
    @GetMapping("/console/sign-in")
    String signIn(@RequestParam Map<String, String> outcome, Model model) {
        model.addAttribute("refused", outcome.containsKey("error"));
        model.addAttribute("expired", outcome.containsKey("expired"));
        model.addAttribute("signedOut", outcome.containsKey("signed-out"));
        return "console/sign-in";
    }

    @GetMapping({"/console", "/console/"})
    String home(Model model) {
        ApiToken user = Access.token().orElseThrow();
        if (user.role() == Role.REGISTRANT) {
            List<PrefixView> own = user.prefixes().stream().sorted().map(prefixes::get).toList();
            model.addAttribute("prefixes", own);
            model.addAttribute("charts", own.stream().map(UsageChart::of).toList());
            return "console/registrant-home";
        }
        int year = LocalDate.now(agency.timeZone()).getYear();
        model.addAttribute("year", String.valueOf(year));
        model.addAttribute("prefixCount", prefixQueries.count());
        model.addAttribute("registrantCount", registrants.search(
                new RegistrantQueries.Criteria(null, null, null, null, null), 0, 1).total());
        // The conflict queue's own query (GET /v1/compliance/conflicts?status=OPEN), counted.
        Report open = compliance.conflicts("OPEN", null, null);
        model.addAttribute("openConflicts", jdbc.queryForObject("SELECT count(*) FROM (" + open.select() + ") open",
                Long.class, open.args().toArray()));
        model.addAttribute("takenThisYear", prefixQueries.takenInYear(year % 100));
        model.addAttribute("importsRunning", imports.running());
        KafkaFeedMetrics metrics = feed.getIfAvailable();
        model.addAttribute("feedBacklog", metrics == null ? null : metrics.backlog());
        LedgerProofs proofs = ledger.getIfAvailable();
        model.addAttribute("checkpoint", proofs == null ? null : proofs.latestCheckpoint().orElse(null));
        return "console/dashboard";
    }
}
