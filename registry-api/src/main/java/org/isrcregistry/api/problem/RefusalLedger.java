package org.isrcregistry.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;

/**
 * Where a refused request is written down (compliance's ledger of refused commands). Declared beside the problems so
 * that whoever answers a refusal, Spring Security's handlers included, records it without depending on compliance.
 */
public interface RefusalLedger {

    void record(HttpServletRequest request, ProblemDetail problem);
}
