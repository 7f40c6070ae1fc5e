package org.isrcregistry.api.registrant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.isrcregistry.api.config.AgencyProperties;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.core.input.Text;
import org.isrcregistry.core.registrant.ClientId;
import org.isrcregistry.core.registrant.RegistrantId;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.isrcregistry.projections.jdbc.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An ISRC Manager's clients (docs/registrants.md): the manager (or the agency) records each client's authorisation
 * once; every code assigned under the manager's prefixes names one; each client's list of codes, as JSON pages or CSV.
 * The agency, auditors and the manager itself only.
 */
@RestController
@RequestMapping("/v1/registrants/{id}/clients")
@Validated
@Tag(name = "Registrants")
public class ManagerClientController {

    private final ManagerClientRecords clients;
    private final RegistrantController registrants;
    private final AgencyProperties agency;

    ManagerClientController(ManagerClientRecords clients, RegistrantController registrants, AgencyProperties agency) {
        this.clients = clients;
        this.registrants = registrants;
        this.agency = agency;
    }

    /**
     * @param client            the rights owner who authorised the manager, as its recordings name their owner
     * @param authorisedOn      the day the owner signed the authorisation
     * @param evidenceReference where the signed authorisation is filed (a mandate or contract number)
     */
    public record ClientAuthorisation(@NotBlank @Size(max = Text.NAME) String client, @NotNull LocalDate authorisedOn,
                                      @NotBlank @Size(max = Text.LABEL)
                                      @Schema(example = "mandate 2026-004") String evidenceReference) {
    }

    @PostMapping
    @Operation(operationId = "authoriseClient", summary = "Record a client's authorisation of an ISRC Manager, once per"
            + " client (the manager, agency)")
    public ResponseEntity<ManagerClientRecords.Client> authorise(@PathVariable RegistrantId id,
                                                           @Valid @RequestBody ClientAuthorisation request) {
        LocalDate today = LocalDate.now(agency.timeZone());
        if (request.authorisedOn().isAfter(today)) {
            throw new InvalidFieldException("authorisedOn", "an authorisation signed on " + request.authorisedOn()
                    + " is in the future", "Send the day the owner signed it, " + today + " at the latest.");
        }
        ClientId client = clients.authorise(id, request.client(), request.authorisedOn(), request.evidenceReference());
        return ResponseEntity.created(URI.create("/v1/registrants/" + id + "/clients/" + client))
                .body(clients.find(id, client).orElseThrow());
    }

    @GetMapping
    @Operation(operationId = "managerClients", summary = "An ISRC Manager's clients, each with its authorisation and"
            + " the number of codes assigned for it (agency, auditor, the manager)")
    public List<ManagerClientRecords.Client> list(@PathVariable RegistrantId id) {
        registrants.get(id);
        return clients.of(id);
    }

    @GetMapping(path = "/{client}/recordings", produces = "application/json")
    @Operation(operationId = "clientRecordings", summary = "The codes an ISRC Manager assigned for a client, in the"
            + " order assigned; as CSV with Accept: text/csv (agency, auditor, the manager)")
    public Page<ManagerClientRecords.ClientCode> codes(@PathVariable RegistrantId id, @PathVariable ClientId client,
                                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        require(id, client);
        return clients.codes(client, page, size);
    }

    /** Every code assigned for the client, one row each. */
    @GetMapping(path = "/{client}/recordings", produces = AgencyReportsController.CSV)
    public ResponseEntity<String> codesCsv(@PathVariable RegistrantId id, @PathVariable ClientId client) {
        require(id, client);
        return AgencyReportsController.csv("client-" + client + "-isrcs.csv", ManagerClientRecords.ClientCode.class,
                clients.codes(client, 0, 0).items());
    }

    private void require(RegistrantId manager, ClientId client) {
        registrants.get(manager);
        if (clients.find(manager, client).isEmpty()) {
            throw new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "client",
                    "registrant " + manager + " has no client " + client,
                    "List the manager's clients (GET /v1/registrants/" + manager + "/clients).");
        }
    }
}
