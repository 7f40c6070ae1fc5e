package org.isrcregistry.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Existing codes through the import endpoint, as NDJSON, in requests of up to 100,000 rows (the API's limit); the
 * import is done when its response, or a {@code GET} on its {@code Location}, says so. Rows per second from the first
 * byte sent to the last row done.
 */
final class BulkImport {

    static final int MAX_ROWS_PER_REQUEST = 100_000;

    private final Http http;

    BulkImport(Http http) {
        this.http = http;
    }

    record Run(long rows, long registered, long refused, double seconds, List<String> codes) {
    }

    /** {@code rows} codes of year 19 (then 18, ...) under {@code prefix}, designations from 00000. */
    static List<String> codes(String prefix, int rows) {
        List<String> codes = new ArrayList<>(rows);
        for (int n = 0; n < rows; n++) {
            codes.add(prefix + "%02d%05d".formatted(19 - n / 100_000, n % 100_000));
        }
        return codes;
    }

    Run run(String prefix, List<String> codes) throws InterruptedException {
        long registered = 0;
        long refused = 0;
        long started = System.nanoTime();
        for (int from = 0; from < codes.size(); from += MAX_ROWS_PER_REQUEST) {
            List<String> batch = codes.subList(from, Math.min(codes.size(), from + MAX_ROWS_PER_REQUEST));
            String body = RegistryApi.importBody(batch, "Imported");
            Http.Response response = Skip.unlessRouted(http.post(RegistryApi.imports(prefix), RegistryApi.NDJSON, body),
                    "POST " + RegistryApi.imports(prefix)).require("Importing " + batch.size() + " rows");
            RegistryApi.ImportProgress progress = RegistryApi.ImportProgress.of(response.body());
            while (!progress.done()) {
                String location = response.location().orElseThrow(() -> new IllegalStateException(
                        "The import is not done and gives no Location to follow: " + response.body()));
                Thread.sleep(200);
                // The counts only: the rows' results would be a thousand rows of JSON a poll.
                progress = RegistryApi.ImportProgress.of(http.get(location + "?limit=0").require("Import progress")
                        .body());
            }
            registered += progress.registered();
            refused += progress.refused();
        }
        return new Run(codes.size(), registered, refused, (System.nanoTime() - started) / 1e9, codes);
    }

    String verify(Run run, int sample, int threads) throws InterruptedException {
        if (run.registered() != run.rows() || run.refused() != 0) {
            throw new IllegalStateException("Imported %,d rows: %,d registered, %,d refused"
                    .formatted(run.rows(), run.registered(), run.refused()));
        }
        List<String> checked = Assignment.sample(run.codes(), sample);
        Assignment.lookUpAll(http, checked, threads);
        return "%,d rows registered, none refused; %,d of them found by GET".formatted(run.rows(), checked.size());
    }
}
