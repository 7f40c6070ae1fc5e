package org.isrcregistry.projections.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** CSV as RFC 4180 writes it: fields quoted when they hold a comma, a quote or a line break; lines end in CRLF. */
public final class CsvLines {

    private CsvLines() {
    }

    /** One line; a null field is empty. */
    public static void write(Writer out, List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        // This runs for every field of every exported row: String.indexOf is a vectorised intrinsic.
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
