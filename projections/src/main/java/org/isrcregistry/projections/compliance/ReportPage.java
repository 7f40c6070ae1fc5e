package org.isrcregistry.projections.compliance;

import java.util.List;
import java.util.Map;

/** One page of a report's rows, in its keyset order; {@code next} is the cursor of the following page, null on the last. */
public record ReportPage(List<Map<String, Object>> items, String next) {
}
