package org.fugong.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail; {@code errors} names each offending field. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "urn:fugong:problem:validation") String type,
        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "uscc: check character does not match") String detail,
        @Schema(example = "/api/v1/enterprises") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field and what is wrong with it. Header and query parameters are named as sent. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "uscc") String field,
            @Schema(example = "check character does not match") String message) {
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
