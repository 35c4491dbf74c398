package org.fugong.platform.problem;

import java.util.List;
import java.util.Map;

import org.fugong.platform.problem.Problem.FieldError;

/** Thrown by services to answer with a problem+json response. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
            Map<String, String> headers) {
        super(detail == null ? title : detail);
        this.problem = new Problem(Problems.type(slug), title, status, detail, null, errors);
        this.headers = headers;
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 400 naming one field. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Request is not valid", field + ": " + message,
                List.of(new FieldError(field, message)), Map.of());
    }

    /** 404 for a missing object or one outside the caller's scope: both look the same. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    /** 409 naming the field whose value clashes with existing state (a duplicate, say). */
    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "conflict", "Conflict", field + ": " + message,
                List.of(new FieldError(field, message)), Map.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(422, slug, "Unprocessable request", detail);
    }
}
