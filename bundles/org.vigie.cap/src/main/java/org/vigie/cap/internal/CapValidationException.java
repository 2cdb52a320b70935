package org.vigie.cap.internal;

import java.util.List;

/** A document the CAP 1.2 schema rejects; the message names the document, then each problem
 * (at most five) on its own line with its line and column and what the schema says. */
public class CapValidationException extends Exception {

    private static final long serialVersionUID = 1L;

    private static final int LISTED = 5;

    private final transient List<CapProblem> problems;

    public CapValidationException(String document, String schema, List<CapProblem> problems) {
        super(message(document, schema, problems));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, in document order */
    public List<CapProblem> problems() {
        return problems;
    }

    private static String message(String document, String schema, List<CapProblem> problems) {
        StringBuilder m = new StringBuilder(document).append(" is not valid CAP 1.2 (").append(schema).append("):");
        for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
            m.append("\n  ").append(problems.get(i));
        }
        if (problems.size() > LISTED) {
            m.append("\n  and ").append(problems.size() - LISTED).append(" more");
        }
        return m.toString();
    }
}
