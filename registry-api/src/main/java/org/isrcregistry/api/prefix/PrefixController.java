package org.isrcregistry.api.prefix;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.consistency.ReadYourWrites;
import org.isrcregistry.core.identifier.CountryCode;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.input.Text;
import org.isrcregistry.core.prefix.DesignationRange;
import org.isrcregistry.core.prefix.RegisterPrefix;
import org.isrcregistry.core.prefix.ReinstatePrefix;
import org.isrcregistry.core.prefix.SuspendPrefix;
import org.isrcregistry.core.prefix.Registrant;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.prefix.PrefixProjection;
import org.isrcregistry.projections.prefix.PrefixQueries;
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

    private final RegistryCommands commands;
    private final PrefixQueries queries;
    private final ReadYourWrites readYourWrites;

    PrefixController(RegistryCommands commands, PrefixQueries queries, ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.queries = queries;
        this.readYourWrites = readYourWrites;
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

    public record RegistrantRequest(@NotBlank @Size(max = Text.NAME) String name, @Size(max = Text.NAME) String contact) {
    }

    public record RangeRequest(@NotNull Integer first, @NotNull Integer last) {
    }

    @PostMapping
    @Operation(summary = "Register a prefix (agency)")
    public ResponseEntity<PrefixView> register(@Valid @RequestBody RegisterPrefixRequest request) {
        if (request.prefix() == null && request.countryCode() == null) {
            throw new RegistryRuleException(RegistryRuleException.Kind.RULE_REFUSED, "prefix",
                    "neither a prefix nor a country code was given",
                    "Send \"prefix\" (e.g. \"CA-K7Q\") or \"countryCode\" (e.g. \"CA\") for the next free registrant code.");
        }
        DesignationRange range = request.range() == null ? null : range(request.range());
        PrefixCode registered = commands.send(new RegisterPrefix(request.prefix(), request.countryCode(),
                new Registrant(request.registrant().name(), request.registrant().contact()), range));
        readYourWrites.awaitProjections(PrefixProjection.PROCESSING_GROUP);
        PrefixView view = queries.find(registered).orElseThrow();
        return ResponseEntity.created(URI.create("/v1/prefixes/" + registered.display())).body(view);
    }

    @GetMapping("/{prefix}")
    @Operation(summary = "Read a prefix, with its designation usage per year")
    public PrefixView get(@PathVariable String prefix) {
        PrefixCode code = PrefixCode.parse(prefix);
        return queries.find(code).orElseThrow(() -> new RegistryRuleException(
                RegistryRuleException.Kind.PREFIX_NOT_REGISTERED, "prefix", code.display() + " is not registered",
                "Check the prefix code, or ask the agency to register it."));
    }

    public record SuspensionRequest(@NotBlank @Size(max = Text.REASON) String reason) {
    }

    @PostMapping("/{prefix}/suspension")
    @Operation(summary = "Suspend a prefix (agency): no new ISRCs under it; codes already issued stay valid")
    public PrefixView suspend(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix,
                              @Valid @RequestBody SuspensionRequest request) {
        commands.send(new SuspendPrefix(prefix, request.reason()));
        return current(prefix);
    }

    @DeleteMapping("/{prefix}/suspension")
    @Operation(summary = "Reinstate a suspended prefix (agency)")
    public PrefixView reinstate(@PathVariable @Schema(type = "string", example = "CA-K7Q") PrefixCode prefix) {
        commands.send(new ReinstatePrefix(prefix));
        return current(prefix);
    }

    private PrefixView current(PrefixCode prefix) {
        readYourWrites.awaitProjections(PrefixProjection.PROCESSING_GROUP);
        return get(prefix.value());
    }

    private static DesignationRange range(RangeRequest range) {
        try {
            return new DesignationRange(range.first(), range.last());
        } catch (IllegalArgumentException e) {
            throw new RegistryRuleException(RegistryRuleException.Kind.RULE_REFUSED, "range", e.getMessage(),
                    "Send a range with 0 <= first <= last <= 99999.");
        }
    }
}
