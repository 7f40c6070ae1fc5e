package org.isrcregistry.api.registrant;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.projections.report.YearlyReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the agency publishes and reports about its registrants: the two ISO 3901 listings and the yearly report to
 * IFPI, as JSON or CSV ({@code Accept: text/csv}). The agency's and auditors' only (they name the registrants).
 */
@RestController
@Tag(name = "Agency reports", description = "ISO 3901 listings and the yearly report to IFPI (agency, auditor)")
public class AgencyReportsController {

    static final String CSV = "text/csv";
    /** Dates and instants as ISO 8601 text, as in the JSON answers. */
    private static final CsvMapper CSV_MAPPER = CsvMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final RegistrantListings listings;
    private final YearlyReport reports;
    private final Clock clock = Clock.systemUTC();

    AgencyReportsController(RegistrantListings listings, YearlyReport reports) {
        this.listings = listings;
        this.reports = reports;
    }

    @GetMapping(path = "/v1/listings/registrant-codes", produces = "application/json")
    @Operation(operationId = "listingByRegistrantCode", summary = "ISO 3901 listing by registrant code: country code, registrant code, company name, contact")
    public List<RegistrantListings.ListingEntry> byRegistrantCode() {
        return listings.listing(RegistrantListings.Order.REGISTRANT_CODE);
    }

    @GetMapping(path = "/v1/listings/registrant-codes", produces = CSV)
    public ResponseEntity<String> byRegistrantCodeCsv() {
        return csv("registrant-codes.csv", RegistrantListings.ListingEntry.class,
                listings.listing(RegistrantListings.Order.REGISTRANT_CODE));
    }

    @GetMapping(path = "/v1/listings/company-names", produces = "application/json")
    @Operation(operationId = "listingByCompanyName", summary = "ISO 3901 listing by company name: company name, country code, registrant code, contact")
    public List<RegistrantListings.ListingEntry> byCompanyName() {
        return listings.listing(RegistrantListings.Order.COMPANY_NAME);
    }

    @GetMapping(path = "/v1/listings/company-names", produces = CSV)
    public ResponseEntity<String> byCompanyNameCsv() {
        return csv("company-names.csv", RegistrantListings.ListingEntry.class,
                listings.listing(RegistrantListings.Order.COMPANY_NAME));
    }

    @GetMapping(path = "/v1/reports/ifpi/{year}", produces = "application/json")
    @Operation(operationId = "ifpiYearlyReport", summary = "The yearly report to IFPI, computed from the event history (the same whenever asked)")
    public YearlyReport.IfpiReport yearly(@PathVariable int year) {
        if (year < 1986 || year > Year.now(clock).getValue()) {
            throw new InvalidFieldException("year", "there is no report for " + year + " (yet)",
                    "Ask for a year from 1986 (ISO 3901) to the current one, e.g. /v1/reports/ifpi/"
                            + (Year.now(clock).getValue() - 1) + ".");
        }
        return reports.of(year, clock.instant());
    }

    /** The same figures as rows: section, item, value. */
    @GetMapping(path = "/v1/reports/ifpi/{year}", produces = CSV)
    public ResponseEntity<String> yearlyCsv(@PathVariable int year) {
        YearlyReport.IfpiReport report = yearly(year);
        List<ReportRow> rows = new ArrayList<>();
        rows.add(new ReportRow("report", "year", String.valueOf(report.year())));
        rows.add(new ReportRow("report", "complete", String.valueOf(report.complete())));
        rows.add(new ReportRow("registrants", "atYearEnd", String.valueOf(report.registrants().atYearEnd())));
        rows.add(new ReportRow("registrants", "newInYear", String.valueOf(report.registrants().newInYear())));
        rows.add(new ReportRow("registrants", "deactivatedInYear", String.valueOf(report.registrants().deactivatedInYear())));
        report.managersByTier().forEach((tier, n) -> rows.add(new ReportRow("managersByTier", tier, String.valueOf(n))));
        rows.add(new ReportRow("prefixes", "atYearEnd", String.valueOf(report.prefixes().atYearEnd())));
        rows.add(new ReportRow("prefixes", "newInYear", String.valueOf(report.prefixes().newInYear())));
        rows.add(new ReportRow("prefixes", "transfersInYear", String.valueOf(report.prefixes().transfersInYear())));
        rows.add(new ReportRow("prefixes", "suspensionsInYear", String.valueOf(report.prefixes().suspensionsInYear())));
        rows.add(new ReportRow("prefixes", "reinstatementsInYear",
                String.valueOf(report.prefixes().reinstatementsInYear())));
        rows.add(new ReportRow("codes", "assigned", String.valueOf(report.codes().assigned())));
        rows.add(new ReportRow("codes", "imported", String.valueOf(report.codes().imported())));
        for (Map.Entry<String, Long> kind : report.codes().assignedByKind().entrySet()) {
            rows.add(new ReportRow("codesAssignedByKind", kind.getKey(), String.valueOf(kind.getValue())));
        }
        for (YearlyReport.PrefixCodes prefix : report.codes().byPrefix()) {
            rows.add(new ReportRow("codesAssignedByPrefix", prefix.prefix(), String.valueOf(prefix.assigned())));
            rows.add(new ReportRow("codesImportedByPrefix", prefix.prefix(), String.valueOf(prefix.imported())));
        }
        return csv("ifpi-report-" + year + ".csv", ReportRow.class, rows);
    }

    @JsonPropertyOrder({"section", "item", "value"})
    record ReportRow(String section, String item, String value) {
    }

    static <T> ResponseEntity<String> csv(String filename, Class<T> type, List<T> rows) {
        CsvSchema schema = CSV_MAPPER.schemaFor(type).withHeader();
        try {
            return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename
                    + "\"").body(CSV_MAPPER.writer(schema).writeValueAsString(rows));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a listing cannot be written as CSV", e);
        }
    }
}
