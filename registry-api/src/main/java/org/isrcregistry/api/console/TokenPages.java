package org.isrcregistry.api.console;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.isrcregistry.api.security.ApiTokens;
import org.isrcregistry.api.security.Role;
import org.isrcregistry.api.security.TokenAdministration;
import org.isrcregistry.api.security.TokenController.TokenRequest;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.registrant.RegistrantId;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's API tokens: every token (auditors may read the list), issuing one, whose secret is shown on the answer
 * page once (never stored, never cached) and revoking one.
 */
@Controller
class TokenPages {

    private final TokenAdministration tokens;
    private final Validator validator;

    TokenPages(TokenAdministration tokens, Validator validator) {
        this.tokens = tokens;
        this.validator = validator;
    }

    @GetMapping("/console/tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.all());
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty().with("role", Role.REGISTRANT.name()));
        }
        return "console/tokens";
    }

    @PostMapping("/console/tokens")
    String issue(@RequestParam Map<String, String> fields, Model model, HttpServletResponse response) {
        Form form = new Form(fields);
        Role role = form.parse("role", text -> Role.valueOf(text.toUpperCase(Locale.ROOT)));
        List<PrefixCode> prefixes = null;
        String listed = form.text("prefixes");
        if (listed != null) {
            prefixes = new ArrayList<>();
            for (String prefix : listed.split("[\\s,;]+")) {
                PrefixCode code = form.parse("prefixes", ignored -> PrefixCode.parse(prefix));
                if (code != null) {
                    prefixes.add(code);
                }
            }
        }
        LocalDate expires = form.parse("expiresAt", LocalDate::parse);
        Instant expiresAt = expires == null ? null : expires.atStartOfDay(ZoneOffset.UTC).toInstant();
        RegistrantId registrant = form.parse("registrantId", RegistrantId::parse);
        TokenRequest request = new TokenRequest(form.text("name"), role, registrant, prefixes, expiresAt);
        ApiTokens.Issued issued = form.check(validator, request) ? form.submit(() -> tokens.issue(request)) : null;
        if (issued == null) {
            model.addAttribute("form", form);
            return list(model);
        }
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        model.addAttribute("issued", issued);
        return "console/token-issued";
    }

    @PostMapping("/console/tokens/{id}/revocation")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(id);
        redirect.addFlashAttribute("notice", "notice.tokenRevoked");
        return "redirect:/console/tokens";
    }
}
