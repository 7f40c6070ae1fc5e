package org.isrcregistry.api.console;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.isrcregistry.api.compliance.ReportRequests;
import org.isrcregistry.api.compliance.ReportRequests.PartyRole;
import org.isrcregistry.api.compliance.ReportRequests.Signal;
import org.isrcregistry.projections.compliance.Report;
import org.isrcregistry.projections.compliance.ReportPage;
import org.isrcregistry.projections.compliance.Reports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The compliance reports, the registrant audit and the as-of queries (docs/compliance.md), each a form whose answer
 * is a page of its rows, the next pages by keyset, and the whole of it as CSV: the API's own reports
 * ({@link ReportRequests}), so the same parameters are refused for the same reasons, beside the field at fault.
 */
@Controller
class ReportPages {

    static final int PAGE = 50;

    /** A parameter of a report: its name (the API's), the input's type, and the choices of a select. */
    record Field(String name, String type, List<String> options) {

        static Field text(String name) {
            return new Field(name, "text", null);
        }

        static Field of(String name, String type) {
            return new Field(name, type, null);
        }

        static Field choice(String name, Enum<?>[] options) {
            return new Field(name, "select", Arrays.stream(options).map(Enum::name).toList());
        }
    }

    /** A report the console offers: its fields and its query. */
    record Definition(String name, List<Field> fields, Function<Form, Report> query) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Reports reports;

    ReportPages(ReportRequests compliance, Reports reports) {
        this.reports = reports;
        Field prefix = Field.text("prefix");
        add("usage", List.of(prefix), form -> compliance.usage(form.text("prefix")));
        add("duplicates", List.of(prefix), form -> compliance.duplicates(form.text("prefix")));
        add("signals", List.of(prefix, Field.choice("signal", Signal.values())),
                form -> compliance.signals(form.text("prefix"), form.text("signal")));
        add("completeness", List.of(prefix), form -> compliance.completeness(form.text("prefix")));
        add("missing", List.of(prefix), form -> compliance.missing(form.text("prefix")));
        add("withdrawals", List.of(prefix), form -> compliance.withdrawals(form.text("prefix")));
        add("activity", List.of(prefix, Field.of("from", "month"), Field.of("to", "month")),
                form -> compliance.activity(form.text("prefix"), form.text("from"), form.text("to")));
        add("audit", List.of(prefix, Field.text("actor"), Field.text("isrc"), Field.of("from", "date"),
                Field.of("to", "date")), form -> compliance.audit(form.text("prefix"), form.text("actor"),
                form.text("isrc"), form.text("from"), form.text("to")));
        add("holdings", List.of(Field.text("party"), Field.choice("role", PartyRole.values()),
                Field.of("date", "date")), form -> compliance.holdings(form.text("party"), form.text("role"),
                form.text("date")));
        add("catalogue", List.of(prefix, Field.of("asOf", "date")),
                form -> compliance.catalogue(form.text("prefix"), form.text("asOf")));
    }

    private void add(String name, List<Field> fields, Function<Form, Report> query) {
        definitions.put(name, new Definition(name, fields, query));
    }

    @GetMapping("/console/reports")
    String index(Model model) {
        model.addAttribute("reports", definitions.keySet());
        return "console/reports";
    }

    /** The form; with {@code run} its first page (or the page after {@code cursor}), or why it was refused. */
    @GetMapping("/console/reports/{name}")
    String report(@PathVariable String name, @RequestParam Map<String, String> parameters, Model model) {
        Definition definition = definition(name);
        Form form = new Form(parameters);
        model.addAttribute("report", definition);
        model.addAttribute("form", form);
        if (parameters.containsKey("run")) {
            Report report = form.submit(() -> definition.query().apply(form));
            ReportPage page = report == null ? null : page(reports, report, form);
            if (page != null) {
                model.addAttribute("rows", page.items());
                model.addAttribute("columns", page.items().isEmpty() ? List.of() : page.items().get(0).keySet());
                String query = queryOf(definition, form);
                String csv = "/console/reports/" + name + ".csv";
                model.addAttribute("csvUrl", query.isEmpty() ? csv : csv + "?" + query);
                model.addAttribute("nextUrl", page.next() == null ? null : "/console/reports/" + name + "?run=1&"
                        + parameter("cursor", page.next()) + (query.isEmpty() ? "" : "&" + query));
            }
        }
        return "console/report";
    }

    @GetMapping("/console/reports/{name}.csv")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable String name, @RequestParam Map<String, String> parameters) {
        Report report = definition(name).query().apply(new Form(parameters));
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            reports.csv(report, writer);
            writer.flush();
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.name() + ".csv\"")
                .body(body);
    }

    /** A page of the report, after the form's {@code cursor}; a cursor that is not one is refused above the form. */
    static ReportPage page(Reports reports, Report report, Form form) {
        try {
            return reports.page(report, form.text("cursor"), PAGE);
        } catch (IllegalArgumentException e) {
            form.refuse(null, e.getMessage() + " Start again from the first page.");
            return null;
        }
    }

    /** The report's parameters as sent, for the links to the next page and to the CSV. */
    private static String queryOf(Definition definition, Form form) {
        return definition.fields().stream().filter(field -> form.text(field.name()) != null)
                .map(field -> parameter(field.name(), form.text(field.name()))).collect(Collectors.joining("&"));
    }

    private static String parameter(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Definition definition(String name) {
        Definition definition = definitions.get(name);
        if (definition == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no report " + name);
        }
        return definition;
    }
}
