package org.isrcregistry.api.console;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.isrcregistry.api.command.RegistryCommands;
import org.isrcregistry.api.imports.ImportView;
import org.isrcregistry.api.imports.RecordingImports;
import org.isrcregistry.api.prefix.Prefixes;
import org.isrcregistry.api.security.Access;
import org.isrcregistry.core.identifier.PrefixCode;
import org.isrcregistry.core.rule.RegistryRuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A registrant's CSV import, as {@code POST /v1/prefixes/{prefix}/recordings/imports}: the file's first rows are read
 * and checked first (nothing stored), then the import runs in the background while its page shows its progress, and
 * its result per row can be downloaded as CSV. Between the preview and the start the file waits in the session.
 */
@Controller
class ImportPages {

    static final int PREVIEW_ROWS = 10;
    private static final String WAITING = "console.import.";

    private final RecordingImports imports;
    private final Prefixes prefixes;
    private final MessageSource messages;

    ImportPages(RecordingImports imports, Prefixes prefixes, MessageSource messages) {
        this.imports = imports;
        this.prefixes = prefixes;
        this.messages = messages;
    }

    @GetMapping("/console/prefixes/{prefix}/imports/new")
    String upload(@PathVariable String prefix, Model model) {
        PrefixCode code = PrefixCode.parse(prefix);
        Access.requireHolderOf(code);
        model.addAttribute("prefix", prefixes.get(code));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty());
        }
        return "console/import-new";
    }

    @PostMapping("/console/prefixes/{prefix}/imports/preview")
    String preview(@PathVariable String prefix, @RequestParam(required = false) MultipartFile file, HttpSession session,
                   Model model) throws IOException {
        PrefixCode code = PrefixCode.parse(prefix);
        Access.requireHolderOf(code);
        Form form = Form.empty();
        if (file == null || file.isEmpty()) {
            form.refuse("file", messages.getMessage("import.noFile", null, LocaleContextHolder.getLocale()));
        } else {
            byte[] content = file.getBytes();
            List<ImportView.Row> rows = form.submit(() -> imports.checkCsv(code, content, PREVIEW_ROWS));
            if (rows != null) {
                session.setAttribute(WAITING + code.value(), content);
                model.addAttribute("rows", rows);
                model.addAttribute("fileName", file.getOriginalFilename());
            }
        }
        model.addAttribute("form", form);
        return upload(prefix, model);
    }

    @PostMapping("/console/prefixes/{prefix}/imports")
    String start(@PathVariable String prefix, HttpSession session, Model model) {
        PrefixCode code = PrefixCode.parse(prefix);
        Access.requireHolderOf(code);
        byte[] content = (byte[]) session.getAttribute(WAITING + code.value());
        if (content == null) {
            Form form = Form.empty();
            form.refuse("file", messages.getMessage("import.notWaiting", null, LocaleContextHolder.getLocale()));
            model.addAttribute("form", form);
            return upload(prefix, model);
        }
        Form form = Form.empty();
        ImportView started = form.submit(() -> imports.startCsv(code, content, RegistryCommands.actor(),
                RegistryCommands.correlationId()));
        if (started == null) {
            model.addAttribute("form", form);
            return upload(prefix, model);
        }
        session.removeAttribute(WAITING + code.value());
        return "redirect:/console/prefixes/" + code.display() + "/imports/" + started.id();
    }

    @GetMapping("/console/prefixes/{prefix}/imports/{id}")
    String progress(@PathVariable String prefix, @PathVariable UUID id, Model model) {
        model.addAttribute("prefix", prefixes.get(PrefixCode.parse(prefix)));
        model.addAttribute("job", view(prefix, id, 100));
        return "console/import";
    }

    /** Asked every second by htmx while the import runs; the answer stops asking once it is done. */
    @GetMapping("/console/prefixes/{prefix}/imports/{id}/progress")
    String progressFragment(@PathVariable String prefix, @PathVariable UUID id, Model model) {
        model.addAttribute("prefix", prefixes.get(PrefixCode.parse(prefix)));
        model.addAttribute("job", view(prefix, id, 100));
        return "console/fragments :: progress";
    }

    @GetMapping("/console/prefixes/{prefix}/imports/{id}/results.csv")
    ResponseEntity<String> results(@PathVariable String prefix, @PathVariable UUID id) throws IOException {
        ImportView first = view(prefix, id, 0);
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("row", "isrc", "outcome", "possibleDuplicates", "field", "detail", "action"));
        int after = 0;
        for (ImportView page = view(prefix, id, after, 10_000); !page.rows().isEmpty();
             page = view(prefix, id, after, 10_000)) {
            for (ImportView.Row row : page.rows()) {
                ImportView.Refusal refusal = row.refusal();
                lines.add(List.of(String.valueOf(row.row()), text(row.isrc()), row.outcome(),
                        String.join(" ", row.possibleDuplicates()), refusal == null ? "" : text(refusal.field()),
                        refusal == null ? "" : text(refusal.detail()), refusal == null ? "" : text(refusal.action())));
            }
            if (page.nextAfter() == null) {
                break;
            }
            after = page.nextAfter();
        }
        String csv = new CsvMapper().writer(CsvSchema.emptySchema()).writeValueAsString(lines);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + first.id() + ".csv\"")
                .body(csv);
    }

    private ImportView view(String prefix, UUID id, int rows) {
        return view(prefix, id, 0, rows);
    }

    /** As GET /v1/prefixes/{prefix}/recordings/imports/{id}: a reader of the prefix, and only its imports. */
    private ImportView view(String prefix, UUID id, int after, int rows) {
        PrefixCode code = PrefixCode.parse(prefix);
        Access.requireReaderOf(code);
        return imports.view(id, after, rows, null).filter(view -> view.prefix().equals(code.value()))
                .orElseThrow(() -> new RegistryRuleException(RegistryRuleException.Kind.NOT_FOUND, "id",
                        "No import " + id + " under " + code.display(), "Start the import from the prefix's page."));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
