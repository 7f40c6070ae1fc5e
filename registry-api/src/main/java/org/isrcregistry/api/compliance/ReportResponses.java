package org.isrcregistry.api.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.isrcregistry.api.problem.InvalidFieldException;
import org.isrcregistry.projections.compliance.Report;
import org.isrcregistry.projections.compliance.ReportPage;
import org.isrcregistry.projections.compliance.Reports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A report as the client asked for it: JSON pages (keyset cursor in {@code next}), or with {@code Accept: text/csv}
 * every row as one CSV document streamed from a database cursor.
 */
@Component
class ReportResponses {

    static final String CSV = "text/csv";

    private final Reports reports;
    private final ObjectMapper json;

    ReportResponses(Reports reports, ObjectMapper json) {
        this.reports = reports;
        this.json = json;
    }

    /**
     * Both forms are streamed bodies (Spring writes a {@code ResponseEntity<StreamingResponseBody>} only when it is
     * declared as such); the page is read before, so a bad cursor is still a problem.
     */
    ResponseEntity<StreamingResponseBody> answer(String accept, Report report, String cursor, String limit) {
        if (accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.parseMediaType(CSV)) && !type.isWildcardType())) {
            StreamingResponseBody body = out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                reports.csv(report, writer);
                writer.flush();
            };
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_TYPE, CSV + ";charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.name() + ".csv\"")
                    .body(body);
        }
        int size = ReportParameters.limit(limit);
        ReportPage page;
        try {
            page = reports.page(report, ReportParameters.blank(cursor) ? null : cursor.strip(), size);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("cursor", e.getMessage(), "Leave 'cursor' out for the first page, or pass"
                    + " the 'next' value of the previous page unchanged.");
        }
        ReportPage read = page;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(out -> json.writeValue(out, read));
    }
}
