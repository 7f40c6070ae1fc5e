package org.isrcregistry.api.prefix;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.projections.prefix.PrefixView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/prefixes")
@Tag(name = "Prefixes", description = "The agency's allocations of prefix codes to registrants")
public class PrefixController {

    private final Prefixes prefixes;

    PrefixController(Prefixes prefixes) {
        this.prefixes = prefixes;
    }

    /**
     * @param prefix      the prefix code to allocate ({@code CA-K7Q}); or leave it out and give {@code countryCode}
     *                    to get the next free registrant code of that country
     * @param countryCode the ISRC prefix letters, when no explicit prefix is given
     * @param range       the designation codes the registrant may use each year; all of 00000-99999 when left out
     */
    public record RegisterPrefixRequest(PrefixCode prefix, CountryCode countryCode,
                                        @NotNull @Valid RegistrantRequest registrant, @Valid RangeRequest range) {
    }

    public record RegistrantRequest(@NotBlank @Size(max = 300) String name, @Size(max = 300) String contact) {
    }

    public record RangeRequest(@NotNull Integer first, @NotNull Integer last) {
    }

    @PostMapping
    @Operation(summary = "Register a prefix (agency)")
    public ResponseEntity<PrefixView> register(@Valid @RequestBody RegisterPrefixRequest request) {
        PrefixView view = prefixes.register(request);
        return ResponseEntity.created(URI.create("/v1/prefixes/" + view.display())).body(view);
    }

    @GetMapping("/{prefix}")
    @Operation(summary = "Read a prefix, with its designation usage per year")
    public PrefixView get(@PathVariable String prefix) {
        return prefixes.get(PrefixCode.parse(prefix));
    }

    public record SuspensionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/{prefix}/suspension")
    @Operation(summary = "Suspend a prefix (agency): no new ISRCs under it; codes already issued stay valid")
    public PrefixView suspend(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
                              @Valid @RequestBody SuspensionRequest request) {
        return prefixes.suspend(prefix, request.reason());
    }

    @DeleteMapping("/{prefix}/suspension")
    @Operation(summary = "Reinstate a suspended prefix (agency)")
    public PrefixView reinstate(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix) {
        return prefixes.reinstate(prefix);
    }
}
