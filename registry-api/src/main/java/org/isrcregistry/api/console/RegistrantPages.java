package org.isrcregistry.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.isrcregistry.api.prefix.PrefixController.RangeRequest;
import org.isrcregistry.api.prefix.PrefixController.RegisterPrefixRequest;
import org.isrcregistry.api.prefix.Prefixes;
import org.isrcregistry.api.registrant.Contact;
import org.isrcregistry.api.registrant.ContactDetails;
import org.isrcregistry.api.registrant.RegistrantController;
import org.isrcregistry.api.registrant.RegistrantController.DeactivationRequest;
import org.isrcregistry.api.registrant.RegistrantController.RegistrantFile;
import org.isrcregistry.api.registrant.RegistrantController.RegistrantRegistration;
import org.isrcregistry.api.registrant.RegistrantController.RegistrantStatus;
import org.isrcregistry.api.registrant.RegistrantController.RegistrantUpdate;
import org.isrcregistry.api.registrant.RegistrantHistory.RegistrantChange;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.api.security.ApiToken;
import org.isrcregistry.api.security.Role;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.registrant.RegistrantKind;
import org.isrcregistry.core.registrant.VolumeTier;
import org.isrcregistry.projections.jdbc.Page;
import org.isrcregistry.projections.prefix.PrefixView;
import org.isrcregistry.projections.registrant.RegistrantQueries;
import org.isrcregistry.projections.registrant.RegistrantView;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's file on its registrants (docs/registrants.md): list and search, a registrant's page (its details,
 * contacts, trading names, prefixes and history), register, change with a reason, deactivate, allocate a prefix.
 * Auditors read it; a registrant reads its own page, without the contacts; the public never does. The changes go
 * through the API's own operations ({@link RegistrantController}, {@link Prefixes}), with the same checks.
 */
@Controller
class RegistrantPages {

    private final RegistrantController registrants;
    private final RegistrantQueries queries;
    private final Prefixes prefixes;
    private final Validator validator;
    private final ObjectMapper json;

    RegistrantPages(RegistrantController registrants, RegistrantQueries queries, Prefixes prefixes,
                    Validator validator, ObjectMapper json) {
        this.registrants = registrants;
        this.queries = queries;
        this.prefixes = prefixes;
        this.validator = validator;
        this.json = json;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("registrantKinds", RegistrantKind.values());
        model.addAttribute("volumeTiers", VolumeTier.values());
        model.addAttribute("registrantStatuses", RegistrantStatus.values());
    }

    /** As GET /v1/registrants: by part of a name, registrant code, country, kind and status; 50 a page. */
    @GetMapping("/console/registrants")
    String list(@RequestParam Map<String, String> filters, Model model) {
        Form form = new Form(filters);
        int page = Math.max(0, Objects.requireNonNullElse(form.parse("page", Integer::valueOf), 0));
        CountryCode country = form.parse("country", CountryCode::parse);
        RegistrantKind kind = form.parse("kind", text -> RegistrantKind.valueOf(text.toUpperCase(Locale.ROOT)));
        RegistrantStatus status = form.parse("status", text -> RegistrantStatus.valueOf(text.toUpperCase(Locale.ROOT)));
        Page<RegistrantView> found = queries.search(new RegistrantQueries.Criteria(form.text("name"), form.text("code"),
                country == null ? null : country.value(), kind == null ? null : kind.name(),
                status == null ? null : status.name()), page, PrefixPages.PAGE);
        model.addAttribute("form", form);
        model.addAttribute("found", found);
        model.addAttribute("nextPage", (long) (page + 1) * PrefixPages.PAGE < found.total() ? page + 1 : null);
        model.addAttribute("previousPage", page > 0 ? page - 1 : null);
        return "console/registrants";
    }

    @GetMapping("/console/registrants/new")
    String newRegistrant(Model model) {
        PrefixPages.requireAgency();
        model.addAttribute("form", Form.empty().with("kind", RegistrantKind.PRODUCER.name()));
        return "console/registrant-new";
    }

    @PostMapping("/console/registrants")
    String register(@RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
        Form form = new Form(fields);
        CountryCode country = form.parse("country", CountryCode::parse);
        RegistrantKind kind = form.parse("kind", text -> RegistrantKind.valueOf(text.toUpperCase(Locale.ROOT)));
        VolumeTier tier = form.parse("volumeTier", text -> VolumeTier.valueOf(text.toUpperCase(Locale.ROOT)));
        Integer cap = form.parse("yearlyCap", Integer::valueOf);
        List<Contact> contacts = contacts(form, List.of());
        RegistrantRegistration request = new RegistrantRegistration(form.text("legalName"), tradingNames(form),
                country, form.text("postalAddress"), contacts, kind, tier, cap);
        RegistrantFile file = form.check(validator, request)
                ? form.submit(() -> registrants.register(request).getBody()) : null;
        if (file == null) {
            model.addAttribute("form", form);
            return "console/registrant-new";
        }
        redirect.addFlashAttribute("notice", "notice.registrantRegistered");
        return "redirect:/console/registrants/" + file.registrant().id();
    }

    @GetMapping("/console/registrants/{id}")
    String registrant(@PathVariable String id, Model model) {
        RegistrantId registrant = idOf(id);
        ApiToken user = Access.token().orElseThrow();
        boolean ownFile = user.role() == Role.REGISTRANT && registrant.equals(user.registrant());
        if (user.role() == Role.REGISTRANT && !ownFile) {
            throw new AccessDeniedException("AGENCY or AUDITOR token, or the REGISTRANT token of registrant " + id);
        }
        RegistrantFile file = registrants.get(registrant);
        RegistrantView view = file.registrant();
        model.addAttribute("registrant", view);
        model.addAttribute("charts", view.prefixes().stream().filter(held -> held.heldUntil() == null)
                .map(held -> UsageChart.of(prefixes.get(PrefixCode.parse(held.prefix())))).toList());
        // Contacts are personal data: the agency and auditors read them here, not the registrant's own staff.
        model.addAttribute("contacts", ownFile ? null : file.contactDetails());
        model.addAttribute("history", registrants.history(registrant).stream().map(this::timelineEntry).toList());
        model.addAttribute("mayChange", user.role() == Role.AGENCY);
        addIfAbsent(model, "updateForm", () -> current(file));
        addIfAbsent(model, "deactivateForm", Form::empty);
        addIfAbsent(model, "allocateForm", () -> Form.empty().with("countryCode", view.countryCode()));
        return "console/registrant";
    }

    @PostMapping("/console/registrants/{id}/update")
    String update(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
                  RedirectAttributes redirect) {
        RegistrantId registrant = idOf(id);
        Form form = new Form(fields);
        CountryCode country = form.parse("country", CountryCode::parse);
        VolumeTier tier = form.parse("volumeTier", text -> VolumeTier.valueOf(text.toUpperCase(Locale.ROOT)));
        Integer cap = form.parse("yearlyCap", Integer::valueOf);
        ContactDetails before = registrants.get(registrant).contactDetails();
        List<Contact> contacts = contacts(form, before == null ? List.of() : before.contacts());
        RegistrantUpdate request = new RegistrantUpdate(form.text("legalName"), tradingNames(form), country,
                form.text("postalAddress"), contacts, tier, cap, form.text("reason"));
        if (!form.check(validator, request) || form.submit(() -> registrants.update(registrant, request)) == null) {
            model.addAttribute("updateForm", form);
            return registrant(id, model);
        }
        redirect.addFlashAttribute("notice", "notice.registrantUpdated");
        return "redirect:/console/registrants/" + id;
    }

    @PostMapping("/console/registrants/{id}/deactivation")
    String deactivate(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
                      RedirectAttributes redirect) {
        RegistrantId registrant = idOf(id);
        Form form = new Form(fields);
        DeactivationRequest request = new DeactivationRequest(form.text("reason"));
        if (!form.check(validator, request) || form.submit(() -> registrants.deactivate(registrant, request)) == null) {
            model.addAttribute("deactivateForm", form);
            return registrant(id, model);
        }
        redirect.addFlashAttribute("notice", "notice.registrantDeactivated");
        return "redirect:/console/registrants/" + id;
    }

    /** A prefix allocated to this registrant: a code given, or the next free one under the country's letters. */
    @PostMapping("/console/registrants/{id}/prefixes")
    String allocate(@PathVariable String id, @RequestParam Map<String, String> fields, Model model,
                    RedirectAttributes redirect) {
        RegistrantId registrant = idOf(id);
        Form form = new Form(fields);
        PrefixCode prefix = form.parse("prefix", PrefixCode::parse);
        CountryCode country = prefix != null ? null : form.parse("countryCode", CountryCode::parse);
        Integer first = form.parse("rangeFirst", Integer::valueOf);
        Integer last = form.parse("rangeLast", Integer::valueOf);
        RangeRequest range = first == null && last == null ? null : new RangeRequest(first, last);
        RegisterPrefixRequest request = new RegisterPrefixRequest(prefix, country, registrant, null, range);
        PrefixView allocated = form.check(validator, request) ? form.submit(() -> prefixes.register(request)) : null;
        if (allocated == null) {
            model.addAttribute("allocateForm", form);
            return registrant(id, model);
        }
        redirect.addFlashAttribute("notice", "notice.prefixAllocated");
        return "redirect:/console/prefixes/" + allocated.display();
    }

    /** Trading names one a line, as typed. */
    private static List<String> tradingNames(Form form) {
        String text = form.text("tradingNames");
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
    }

    /** The form's contact first, then the others on file, which the form does not show. */
    private static List<Contact> contacts(Form form, List<Contact> onFile) {
        List<Contact> contacts = new ArrayList<>();
        if (form.text("name") != null || form.text("email") != null || form.text("phone") != null) {
            Contact first = form.submit(() -> new Contact(form.text("name"), form.text("email"), form.text("phone")));
            if (first != null) {
                contacts.add(first);
            }
        }
        contacts.addAll(onFile.stream().skip(1).toList());
        return contacts;
    }

    /** The update form filled with the file as it is. */
    private static Form current(RegistrantFile file) {
        RegistrantView view = file.registrant();
        Form form = Form.empty().with("legalName", view.legalName())
                .with("tradingNames", String.join("\n", view.tradingNames() == null ? List.of() : view.tradingNames()))
                .with("country", view.countryCode())
                .with("volumeTier", Objects.requireNonNullElse(view.volumeTier(), ""))
                .with("yearlyCap", view.yearlyCap() == null ? "" : view.yearlyCap().toString());
        ContactDetails details = file.contactDetails();
        if (details != null) {
            form.with("postalAddress", Objects.requireNonNullElse(details.postalAddress(), ""));
            if (!details.contacts().isEmpty()) {
                Contact first = details.contacts().get(0);
                form.with("name", Objects.requireNonNullElse(first.name(), ""))
                        .with("email", Objects.requireNonNullElse(first.email(), ""))
                        .with("phone", Objects.requireNonNullElse(first.phone(), ""));
            }
        }
        return form;
    }

    /** One change of the file, with what it records as field and value. */
    record TimelineEntry(Instant at, String type, String actor, String reason, Map<String, String> changed) {
    }

    @SuppressWarnings("unchecked")
    private TimelineEntry timelineEntry(RegistrantChange change) {
        Map<String, String> changed = new LinkedHashMap<>();
        RecordingPages.flatten("", json.convertValue(change.event(), Map.class), changed);
        changed.remove("registrantId");
        return new TimelineEntry(change.at(), change.type(), change.actor(), change.reason(), changed);
    }

    /** An id in the address that is no registrant id names no page. */
    private static RegistrantId idOf(String id) {
        try {
            return RegistrantId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static void addIfAbsent(Model model, String name, Supplier<Form> form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form.get());
        }
    }
}
