package org.isrcregistry.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.isrcregistry.api.prefix.Prefixes;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.api.recording.RecordingChanges;
import org.isrcregistry.api.recording.RecordingRequest;
import org.isrcregistry.api.recording.RecordingResponse;
import org.isrcregistry.api.recording.RecordingSearches;
import org.isrcregistry.api.recording.RecordingStates;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.api.security.ApiToken;
import org.isrcregistry.api.security.Role;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.recording.ChangeKind;
import org.isrcregistry.core.recording.RecordingCatalogue;
import org.isrcregistry.core.recording.RecordingMetadata;
import org.isrcregistry.core.recording.RecordingStatus;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.history.RecordingHistory;
import org.isrcregistry.projections.recording.Lineage;
import org.isrcregistry.projections.recording.RecordingPage;
import org.isrcregistry.projections.recording.RecordingSearch;
import org.isrcregistry.projections.recording.RecordingState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recordings: search, a recording's page (its state, history, lineage, releases and works, and the changes its
 * holder may make), assigning a new code, and the public look-up of one code.
 */
@Controller
class RecordingPages {

    /** The changes a recording's page offers, each a form that posts to {@code /console/recordings/{isrc}/<name>}. */
    static final List<String> CHANGES = List.of("version", "transfer", "distributor", "correction", "release",
            "work", "withdrawal");

    private final RecordingChanges changes;
    private final RecordingSearches searches;
    private final RecordingStates states;
    private final RecordingHistory history;
    private final RecordingCatalogue catalogue;
    private final Prefixes prefixes;
    private final Validator validator;
    private final ObjectMapper json;

    RecordingPages(RecordingChanges changes, RecordingSearches searches, RecordingStates states,
                   RecordingHistory history, RecordingCatalogue catalogue, Prefixes prefixes, Validator validator,
                   ObjectMapper json) {
        this.changes = changes;
        this.searches = searches;
        this.states = states;
        this.history = history;
        this.catalogue = catalogue;
        this.prefixes = prefixes;
        this.validator = validator;
        this.json = json;
    }

    @GetMapping("/console/recordings")
    String search(@RequestParam Map<String, String> filters, Model model) {
        Form form = new Form(filters);
        ApiToken user = Access.token().orElseThrow();
        if (user.role() == Role.REGISTRANT && form.text("prefix") == null && user.prefixes().size() == 1) {
            form.with("prefix", user.prefixes().iterator().next().display());
        }
        model.addAttribute("form", form);
        model.addAttribute("searched", !filters.isEmpty());
        if (filters.isEmpty() && user.role() != Role.REGISTRANT) {
            return "console/recordings";
        }
        RecordingPage page = form.submit(() -> {
            RecordingSearch search = searches.search(form.text("title"), form.text("artist"), form.text("prefix"),
                    form.text("year"), form.text("kind"), form.text("status"));
            if (user.role() == Role.REGISTRANT && (search.prefix() == null || !user.holds(search.prefix()))) {
                throw new InvalidFieldException("prefix", "A registrant searches its"
                        + " own prefixes only", "Choose one of your prefixes.");
            }
            return searches.page(search, form.text("cursor"), "50");
        });
        model.addAttribute("page", page);
        if (page != null && page.next() != null) {
            Map<String, String> next = new LinkedHashMap<>(filters);
            next.put("cursor", page.next());
            model.addAttribute("nextQuery", next);
        }
        return "console/recordings";
    }

    @GetMapping("/console/recordings/{isrc}")
    String recording(@PathVariable String isrc, Model model) {
        Isrc code = Isrc.parse(isrc);
        boolean reader = Access.token().filter(token -> token.role() == Role.AUDITOR
                || token.holds(code.prefixCode())).isPresent();
        // Another registrant's recording: its public state only, as GET /v1/recordings/{isrc} answers it.
        RecordingState state = reader ? states.current(code) : states.current(code).forPublic();
        model.addAttribute("recording", state);
        Lineage lineage = states.lineage(state);
        model.addAttribute("lineage", LineageGraph.of(state, lineage));
        if (reader) {
            model.addAttribute("history", history.entries(code).stream().map(this::timelineEntry).toList());
        }
        boolean holder = Access.token().filter(token -> token.holds(code.prefixCode())).isPresent();
        model.addAttribute("mayChange", holder && state.status() == RecordingStatus.ACTIVE);
        model.addAttribute("changeKinds", List.of(ChangeKind.values()).stream().filter(ChangeKind::needsNewIsrc)
                .toList());
        model.addAttribute("keepKinds", List.of(ChangeKind.values()).stream().filter(k -> !k.needsNewIsrc()).toList());
        if (!model.containsAttribute("forms")) {
            model.addAttribute("forms", new FormSet(null, null, versionOf(state)));
        }
        return "console/recording";
    }

    @PostMapping("/console/recordings/{isrc}/{change}")
    String change(@PathVariable String isrc, @PathVariable String change, @RequestParam Map<String, String> fields,
                  Model model, RedirectAttributes redirect) {
        Isrc code = Isrc.parse(isrc);
        Access.requireHolderOf(code.prefixCode());
        Form form = new Form(fields);
        RecordingResponse done = switch (change) {
            case "version" -> run(form, RecordingForms::version, request -> changes.declareVersion(code, request));
            case "transfer" -> run(form, RecordingForms::transfer, request -> changes.transferOwnership(code, request));
            case "distributor" -> run(form, RecordingForms::distributor,
                    request -> changes.changeDistributor(code, request));
            case "correction" -> run(form, RecordingForms::correction, request -> changes.correct(code, request));
            case "release" -> run(form, RecordingForms::release, request -> changes.linkRelease(code, request));
            case "work" -> run(form, RecordingForms::work, request -> changes.linkWork(code, request));
            case "withdrawal" -> run(form, RecordingForms::withdrawal, request -> changes.withdraw(code, request));
            default -> throw new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "change",
                    "No change '" + change + "'", "Use one of the forms of the recording's page.");
        };
        if (done == null) {
            model.addAttribute("forms", new FormSet(change, form, versionOf(states.current(code))));
            return recording(isrc, model);
        }
        redirect.addFlashAttribute("notice", "notice." + change);
        redirect.addFlashAttribute("possibleDuplicates", done.possibleDuplicates());
        return "redirect:/console/recordings/" + done.isrc().value();
    }

    private <R> RecordingResponse run(Form form, Function<Form, R> read, Function<R, RecordingResponse> command) {
        R request = read.apply(form);
        return form.check(validator, request) ? form.submit(() -> command.apply(request)) : null;
    }

    @GetMapping("/console/prefixes/{prefix}/recordings/new")
    String newRecording(@PathVariable String prefix, Model model) {
        PrefixCode code = PrefixCode.parse(prefix);
        Access.requireHolderOf(code);
        model.addAttribute("prefix", prefixes.get(code));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty().with("kind", "AUDIO"));
        }
        return "console/assign";
    }

    @PostMapping("/console/prefixes/{prefix}/recordings")
    String assign(@PathVariable String prefix, @RequestParam Map<String, String> fields, Model model,
                  RedirectAttributes redirect) {
        PrefixCode code = PrefixCode.parse(prefix);
        Access.requireHolderOf(code);
        Form form = new Form(fields);
        RecordingRequest request = RecordingForms.recording(form);
        RecordingResponse assigned = form.check(validator, request)
                ? form.submit(() -> changes.assign(code, request)) : null;
        if (assigned == null) {
            model.addAttribute("form", form);
            return newRecording(prefix, model);
        }
        redirect.addFlashAttribute("notice", "notice.assigned");
        redirect.addFlashAttribute("possibleDuplicates", assigned.possibleDuplicates());
        return "redirect:/console/recordings/" + assigned.isrc().value();
    }

    /** Active recordings the one being typed may duplicate: the rule the registry reports after assigning. */
    @GetMapping("/console/prefixes/{prefix}/recordings/duplicates")
    String duplicates(@PathVariable String prefix, @RequestParam Map<String, String> fields, Model model) {
        Access.requireHolderOf(PrefixCode.parse(prefix));
        Form form = new Form(fields);
        RecordingRequest request = RecordingForms.recording(form);
        List<Isrc> found = List.of();
        if (form.valid() && request.title() != null && request.mainArtist() != null && request.duration() != null
                && request.kind() != null) {
            try {
                RecordingMetadata metadata = request.metadata();
                found = catalogue.possibleDuplicatesOf(metadata);
            } catch (IllegalArgumentException incomplete) {
                found = List.of();
            }
        }
        model.addAttribute("duplicates", found.stream().map(states::current).toList());
        return "console/fragments :: duplicates";
    }

    /** Anybody, signed in or not: one code's public record. */
    @GetMapping("/console/lookup")
    String lookup(@RequestParam(required = false) String isrc, Model model) {
        Form form = new Form(isrc == null ? Map.of() : Map.of("isrc", isrc));
        model.addAttribute("form", form);
        if (isrc != null && !isrc.isBlank()) {
            Isrc code = form.parse("isrc", Isrc::parse);
            if (code != null) {
                model.addAttribute("recording", form.submit(() -> states.current(code).forPublic()));
            }
        }
        return "console/lookup";
    }

    /** One event of the history, with what it changed as field and value, and who did it. */
    record TimelineEntry(RecordingHistory.Entry entry, Map<String, String> changed) {
    }

    private TimelineEntry timelineEntry(RecordingHistory.Entry entry) {
        Map<String, Object> fields = json.convertValue(entry.event(), Map.class);
        Map<String, String> changed = new LinkedHashMap<>();
        flatten("", fields, changed);
        changed.remove("isrc");
        return new TimelineEntry(entry, changed);
    }

    @SuppressWarnings("unchecked")
    static void flatten(String prefix, Map<String, Object> fields, Map<String, String> into) {
        fields.forEach((name, value) -> {
            if (value == null || value instanceof List<?> list && list.isEmpty()) {
                return;
            }
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + name + ".", (Map<String, Object>) nested, into);
            } else {
                into.put(prefix + name, value.toString());
            }
        });
    }

    /** A new version starts from the recording it is a version of: the person changes what differs. */
    private static Form versionOf(RecordingState state) {
        return Form.empty().with("title", state.title()).with("mainArtist", state.mainArtist())
                .with("kind", state.kind().name()).with("duration", state.duration().iso())
                .with("owner", state.owner()).with("distributor", state.distributor() == null ? "" : state.distributor());
    }

    /** The forms of a recording's page; the one just sent keeps its values and refusals. */
    record FormSet(String sent, Form form, Form version) {

        public Form get(String name) {
            return name.equals(sent) ? form : name.equals("version") ? version : Form.empty();
        }

        public boolean open(String name) {
            return name.equals(sent);
        }
    }
}
