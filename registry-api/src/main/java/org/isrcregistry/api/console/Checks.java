package org.isrcregistry.api.console;

import java.util.Map;
import java.util.function.Function;
import org.isrcregistry.core.identifier.InvalidIdentifierException;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.Iswc;
import org.isrcregistry.core.identifier.ParseOutcome;
import org.isrcregistry.core.identifier.RecordingDuration;
import org.isrcregistry.core.identifier.ReleaseCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Checks one value as it is typed (htmx asks on each pause in typing): the registry's own parsers, as
 * {@code POST /v1/isrc-validations} uses for ISRCs. Answers a fragment to show beside the field: the value as the
 * registry reads it, or what is wrong with it. Nothing is stored; open to anybody, as the API's validation is.
 */
@Controller
class Checks {

    private static final Map<String, Function<String, String>> READERS = Map.of(
            "isrc", Checks::isrc,
            "release", text -> ReleaseCode.parse(text).kind() + " " + ReleaseCode.parse(text).value(),
            "iswc", text -> Iswc.parse(text).display(),
            "duration", text -> RecordingDuration.parse(text).iso());

    /** @param values the field's own name and value, as htmx sends it */
    @GetMapping("/console/check/{kind}")
    String check(@PathVariable String kind, @RequestParam Map<String, String> values, Model model) {
        Function<String, String> reader = READERS.get(kind);
        String text = values.values().stream().filter(value -> !value.isBlank()).findFirst().orElse(null);
        if (reader == null || text == null) {
            return "console/fragments :: nothing";
        }
        try {
            model.addAttribute("read", reader.apply(text));
        } catch (IllegalArgumentException refused) {
            model.addAttribute("refusal", refused.getMessage());
        }
        return "console/fragments :: check";
    }

    private static String isrc(String text) {
        ParseOutcome<Isrc> outcome = Isrc.check(text);
        if (outcome instanceof ParseOutcome.Valid<Isrc> valid) {
            return valid.value().display();
        }
        InvalidIdentifierException error = ((ParseOutcome.Invalid<Isrc>) outcome).error();
        throw error;
    }
}
