package org.isrcregistry.api.console;

import jakarta.validation.Validator;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.isrcregistry.api.prefix.PrefixController.PrefixTransferRequest;
import org.isrcregistry.api.prefix.PrefixController.RangeRequest;
import org.isrcregistry.api.prefix.PrefixController.RegisterPrefixRequest;
import org.isrcregistry.api.prefix.PrefixController.RegistrantRequest;
import org.isrcregistry.api.prefix.PrefixController.SuspensionRequest;
import org.isrcregistry.api.prefix.Prefixes;
import org.isrcregistry.api.recording.RecordingSearches;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.api.security.Role;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.projections.prefix.PrefixQueries;
import org.isrcregistry.projections.jdbc.Page;
import org.isrcregistry.projections.prefix.PrefixView;
import org.isrcregistry.projections.recording.RecordingQueries;
import org.isrcregistry.projections.recording.RecordingSearch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's prefixes: list and search, register, a prefix's page with its usage, suspend and reinstate. */
@Controller
class PrefixPages {

    static final int PAGE = 50;

    private final Prefixes prefixes;
    private final RecordingSearches searches;
    private final RecordingQueries recordings;
    private final Validator validator;

    PrefixPages(Prefixes prefixes, RecordingSearches searches, RecordingQueries recordings, Validator validator) {
        this.prefixes = prefixes;
        this.searches = searches;
        this.recordings = recordings;
        this.validator = validator;
    }

    /** As GET /v1/prefixes: by the start of the code and part of the holder's name, 50 a page; a registrant's own. */
    @GetMapping("/console/prefixes")
    String list(@RequestParam Map<String, String> filters, Model model) {
        Form form = new Form(filters);
        int page = Math.max(0, java.util.Objects.requireNonNullElse(form.parse("page", Integer::valueOf), 0));
        Page<PrefixView> found = prefixes.search(new PrefixQueries.Criteria(form.text("name"), form.text("code"),
                null, null, null, null), page, PAGE);
        List<PrefixView> shown = found.items();
        if (Access.readScope() != null) {
            shown = shown.stream().filter(prefix -> Access.readScope().contains(PrefixCode.parse(prefix.prefix())))
                    .toList();
        }
        model.addAttribute("form", form);
        model.addAttribute("prefixes", shown);
        model.addAttribute("page", found);
        model.addAttribute("nextPage", (long) (page + 1) * PAGE < found.total() ? page + 1 : null);
        return "console/prefixes";
    }

    @GetMapping("/console/prefixes/new")
    String newPrefix(Model model) {
        requireAgency();
        model.addAttribute("form", Form.empty());
        return "console/prefix-new";
    }

    @PostMapping("/console/prefixes")
    String register(@RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        Form form = new Form(fields);
        PrefixCode prefix = form.parse("prefix", PrefixCode::parse);
        CountryCode country = form.parse("countryCode", CountryCode::parse);
        Integer first = form.parse("rangeFirst", Integer::valueOf);
        Integer last = form.parse("rangeLast", Integer::valueOf);
        RangeRequest range = first == null && last == null ? null : new RangeRequest(first, last);
        RegistrantId holder = form.parse("registrantId", RegistrantId::parse);
        RegistrantRequest newRegistrant = holder != null ? null
                : new RegistrantRequest(form.text("registrantName"), form.text("registrantContact"));
        RegisterPrefixRequest request = new RegisterPrefixRequest(prefix, country, holder, newRegistrant, range);
        PrefixView registered = form.check(validator, request) ? form.submit(() -> prefixes.register(request)) : null;
        if (registered == null) {
            model.addAttribute("form", form);
            return "console/prefix-new";
        }
        redirect.addFlashAttribute("notice", "notice.prefixRegistered");
        return "redirect:/console/prefixes/" + registered.display();
    }

    @GetMapping("/console/prefixes/{prefix}")
    String prefix(@PathVariable String prefix, Model model) {
        PrefixCode code = PrefixCode.parse(prefix);
        Access.requireReaderOf(code);
        PrefixView view = prefixes.get(code);
        model.addAttribute("prefix", view);
        model.addAttribute("chart", UsageChart.of(view));
        model.addAttribute("recordings", searches.page(RecordingSearch.ofPrefix(code), null, "20"));
        model.addAttribute("mayChange", ConsoleAdvice.mayChange());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty());
        }
        if (!model.containsAttribute("transferForm")) {
            model.addAttribute("transferForm", Form.empty());
        }
        return "console/prefix";
    }

    @PostMapping("/console/prefixes/{prefix}/suspension")
    String suspend(@PathVariable String prefix, @RequestParam Map<String, String> fields, Model model,
                   RedirectAttributes redirect) {
        PrefixCode code = PrefixCode.parse(prefix);
        Form form = new Form(fields);
        SuspensionRequest request = new SuspensionRequest(form.text("reason"));
        if (!form.check(validator, request) || form.submit(() -> prefixes.suspend(code, request.reason())) == null) {
            model.addAttribute("form", form);
            return prefix(prefix, model);
        }
        redirect.addFlashAttribute("notice", "notice.prefixSuspended");
        return "redirect:/console/prefixes/" + code.display();
    }

    /** To another registrant on file, with the reason; the codes issued stay as they are. */
    @PostMapping("/console/prefixes/{prefix}/transfer")
    String transfer(@PathVariable String prefix, @RequestParam Map<String, String> fields, Model model,
                    RedirectAttributes redirect) {
        PrefixCode code = PrefixCode.parse(prefix);
        Form form = new Form(fields);
        PrefixTransferRequest request = new PrefixTransferRequest(form.parse("registrantId", RegistrantId::parse),
                form.text("reason"));
        if (!form.check(validator, request)
                || form.submit(() -> prefixes.transfer(code, request.registrantId(), request.reason())) == null) {
            model.addAttribute("transferForm", form);
            return prefix(prefix, model);
        }
        redirect.addFlashAttribute("notice", "notice.prefixTransferred");
        return "redirect:/console/prefixes/" + code.display();
    }

    @PostMapping("/console/prefixes/{prefix}/reinstatement")
    String reinstate(@PathVariable String prefix, Model model, RedirectAttributes redirect) {
        PrefixCode code = PrefixCode.parse(prefix);
        Form form = Form.empty();
        if (form.submit(() -> prefixes.reinstate(code)) == null) {
            model.addAttribute("form", form);
            return prefix(prefix, model);
        }
        redirect.addFlashAttribute("notice", "notice.prefixReinstated");
        return "redirect:/console/prefixes/" + code.display();
    }

    /** The registrant's full list, as GET /v1/prefixes/{prefix}/recordings with Accept: text/csv. */
    @GetMapping("/console/prefixes/{prefix}/recordings.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String prefix) {
        PrefixCode code = PrefixCode.parse(prefix);
        Access.requireReaderOf(code);
        prefixes.get(code);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            recordings.writeCsv(code, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code.value() + "-recordings.csv\"")
                .body(body);
    }

    static void requireAgency() {
        if (Access.token().filter(token -> token.role() == Role.AGENCY).isEmpty()) {
            throw new AccessDeniedException("AGENCY token");
        }
    }
}
