package org.isrcregistry.api.validation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.isrcregistry.api.http.ApiLimits;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.core.identifier.InvalidIdentifierException;
import org.isrcregistry.core.identifier.Isrc;
import org.isrcregistry.core.identifier.ParseOutcome;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Checks codes without registering anything: the same rules as every other input of the registry. */
@RestController
@Tag(name = "ISRC validation", description = "Check codes as the registry reads them; nothing is stored")
public class IsrcValidationController {

    private final ApiLimits limits;

    IsrcValidationController(ApiLimits limits) {
        this.limits = limits;
    }

    public record ValidationRequest(@NotNull List<String> codes) {
    }

    /**
     * @param input     the code as sent
     * @param isrc      the 12 characters (valid codes only)
     * @param display   e.g. {@code CA-K7Q-26-00001} (valid codes only)
     * @param part      the part at fault: CC, XXX, YY, NNNNN or code (invalid codes only)
     * @param position  1-based position of the offending character in the input; 0 when not at one place
     * @param reason    what is wrong and what to do (invalid codes only)
     */
    public record CodeValidation(String input, boolean valid,
                                 @Schema(example = "CAK7Q2600001") String isrc,
                                 @Schema(example = "CA-K7Q-26-00001") String display,
                                 String part, Integer position, String reason) {
    }

    public record ValidationResponse(int valid, int invalid, List<CodeValidation> results) {
    }

    @PostMapping("/v1/isrc-validations")
    @Operation(summary = "Validate codes: for each, valid or not, canonical and display form, or why it is refused")
    public ValidationResponse validate(@Valid @RequestBody ValidationRequest request) {
        if (request.codes().size() > limits.maxValidationCodes()) {
            throw new InvalidFieldException("codes", request.codes().size() + " codes sent; at most "
                    + limits.maxValidationCodes() + " per request", "Split the codes into several requests.");
        }
        List<CodeValidation> results = request.codes().stream().map(IsrcValidationController::check).toList();
        int valid = (int) results.stream().filter(CodeValidation::valid).count();
        return new ValidationResponse(valid, results.size() - valid, results);
    }

    private static CodeValidation check(String input) {
        ParseOutcome<Isrc> outcome = Isrc.check(input);
        if (outcome instanceof ParseOutcome.Valid<Isrc> ok) {
            return new CodeValidation(input, true, ok.value().value(), ok.value().display(), null, null, null);
        }
        InvalidIdentifierException error = ((ParseOutcome.Invalid<Isrc>) outcome).error();
        return new CodeValidation(input, false, null, null, error.part(), error.position(), error.getMessage());
    }
}
