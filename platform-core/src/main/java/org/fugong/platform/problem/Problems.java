package org.fugong.platform.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.fugong.platform.problem.Problem.FieldError;

/** Builds problem+json responses. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:fugong:problem:";

    private Problems() {
    }

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(type(slug), title, status, detail, null, List.of());
    }

    public static Problem invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
        return new Problem(type("validation"), "Request is not valid", 400, detail, null, errors);
    }
}
