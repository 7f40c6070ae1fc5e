package org.isrcregistry.api.console;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.isrcregistry.api.compliance.ConflictController;
import org.isrcregistry.api.compliance.ConflictController.ResolutionRequest;
import org.isrcregistry.api.compliance.ReportRequests;
import org.isrcregistry.api.compliance.ReportRequests.ConflictStatus;
import org.isrcregistry.api.recording.RecordingStates;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.api.security.ApiToken;
import org.isrcregistry.core.conflict.ConflictId;
import org.isrcregistry.core.conflict.ConflictResolution;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.projections.compliance.ComplianceQueries;
import org.isrcregistry.projections.compliance.Report;
import org.isrcregistry.projections.compliance.ReportPage;
import org.isrcregistry.projections.compliance.Reports;
import org.isrcregistry.projections.recording.RecordingState;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The conflict queue (docs/compliance.md): the possible duplicates the registry found, each resolved by the agency or
 * by the registrant holding both codes, as distinct recordings (both stay) or as a duplicate (one is withdrawn through
 * the recording's own withdrawal, pointing to the survivor). The API's operation decides ({@link ConflictController}).
 */
@Controller
class ConflictPages {

    private final ReportRequests compliance;
    private final ComplianceQueries queries;
    private final Reports reports;
    private final RecordingStates recordings;
    private final ConflictController conflicts;
    private final Validator validator;

    ConflictPages(ReportRequests compliance, ComplianceQueries queries, Reports reports,
                  RecordingStates recordings, ConflictController conflicts, Validator validator) {
        this.compliance = compliance;
        this.queries = queries;
        this.reports = reports;
        this.recordings = recordings;
        this.conflicts = conflicts;
        this.validator = validator;
    }

    /** The open conflicts by default; a registrant's are those under its prefixes. */
    @GetMapping("/console/conflicts")
    String queue(@RequestParam Map<String, String> filters, Model model) {
        Form form = new Form(filters);
        if (!filters.containsKey("status")) {
            form.with("status", ConflictStatus.OPEN.name());
        }
        Report report = form.submit(() -> compliance.conflicts(form.text("status"), form.text("prefix")));
        ReportPage page = report == null ? null : ReportPages.page(reports, report, form);
        model.addAttribute("form", form);
        model.addAttribute("conflictStatuses", ConflictStatus.values());
        model.addAttribute("rows", page == null ? List.of() : page.items());
        model.addAttribute("next", page == null ? null : page.next());
        return "console/conflicts";
    }

    @GetMapping("/console/conflicts/{id}")
    String conflict(@PathVariable String id, Model model) {
        ConflictId conflict = idOf(id);
        Set<PrefixCode> scope = Access.readScope();
        if (scope != null && !scope.contains(conflict.first().prefixCode())
                && !scope.contains(conflict.second().prefixCode())) {
            throw new AccessDeniedException("AUDITOR or AGENCY token, or a REGISTRANT token holding "
                    + conflict.first().prefixCode().display() + " or " + conflict.second().prefixCode().display());
        }
        Map<String, Object> row = reports.page(queries.conflict(conflict.value()), null, 1).items().stream()
                .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no conflict " + conflict));
        model.addAttribute("conflict", row);
        model.addAttribute("id", conflict.value());
        model.addAttribute("pair", List.of(side(conflict.first(), scope), side(conflict.second(), scope)));
        ApiToken user = Access.token().orElseThrow();
        model.addAttribute("mayResolve", "OPEN".equals(row.get("status"))
                && user.holds(conflict.first().prefixCode()) && user.holds(conflict.second().prefixCode()));
        model.addAttribute("resolutions", ConflictResolution.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty());
        }
        return "console/conflict";
    }

    @PostMapping("/console/conflicts/{id}/resolution")
    String resolve(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
                   RedirectAttributes redirect) {
        ConflictId conflict = idOf(id);
        Form form = new Form(fields);
        ConflictResolution resolution = form.parse("resolution",
                text -> ConflictResolution.valueOf(text.toUpperCase(Locale.ROOT)));
        Isrc withdraw = resolution == ConflictResolution.DUPLICATE ? form.parse("withdraw", Isrc::parse) : null;
        ResolutionRequest request = new ResolutionRequest(resolution, withdraw, form.text("reason"));
        if (!form.check(validator, request)
                || form.submit(() -> conflicts.resolve(conflict.value(), request)) == null) {
            model.addAttribute("form", form);
            return conflict(id, model);
        }
        redirect.addFlashAttribute("notice", "notice.conflictResolved");
        return "redirect:/console/conflicts/" + conflict.value();
    }

    /** One code of the pair, with its recording when the token may read it. */
    record Side(Isrc isrc, RecordingState recording) {
    }

    private Side side(Isrc isrc, Set<PrefixCode> scope) {
        Optional<RecordingState> state = scope == null || scope.contains(isrc.prefixCode())
                ? recordings.find(isrc) : Optional.empty();
        return new Side(isrc, state.orElse(null));
    }

    private static ConflictId idOf(String id) {
        try {
            return ConflictId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
