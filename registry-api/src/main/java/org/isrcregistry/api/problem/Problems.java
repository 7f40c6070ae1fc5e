package org.isrcregistry.api.problem;

import org.springframework.http.ProblemDetail;

/** Builds the problem documents: what was wrong ({@code detail}), on which {@code field}, and what to do. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail, String field, String action) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.type());
        problem.setTitle(type.title());
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (action != null) {
            problem.setProperty("action", action);
        }
        return problem;
    }
}
