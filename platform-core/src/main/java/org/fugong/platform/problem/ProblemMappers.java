package org.fugong.platform.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fugong.platform.http.RequestTrace;
import org.fugong.platform.problem.Problem.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every error into an {@code application/problem+json} response that names the offending
 * field, and never shows a stack trace, SQL or class name. An unexpected exception is logged with
 * the request id and answered with a bare 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    UriInfo uri;

    @Inject
    RequestTrace trace;

    @ConfigProperty(name = "fugong.db.retry-after-seconds", defaultValue = "5")
    int retryAfterSeconds;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE)
                .entity(e.problem().withInstance(path()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return respond(Problems.invalid(errors));
    }

    // Jackson's exceptions are mapped one by one: Quarkus ships a mapper for MismatchedInputException,
    // and JAX-RS picks the mapper of the nearest type, so the subtypes need their own.

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) {
        return respond(jsonProblem(e));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problems.of(403, "forbidden", "Forbidden", "Your role may not use this endpoint"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "Request failed" : reason.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No such resource: " + path();
            case 405 -> "This resource does not support that method";
            case 406 -> "This resource answers only application/json";
            case 413 -> "The request body is too large";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problems.of(status, slug(title), title, detail).withInstance(path()));
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            response.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e);
        }
        LOG.errorf(e, "Unexpected error answering %s (request %s)", path(), trace.requestId());
        return respond(Problems.of(500, "internal", "Internal error",
                "The request failed on our side; quote request id " + trace.requestId()));
    }

    /** Not a bug: the caller may try again, and a load balancer may route elsewhere meanwhile. */
    private Response databaseUnavailable(Throwable e) {
        LOG.warnf("Database unavailable answering %s (request %s): %s", path(), trace.requestId(), e.toString());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds)
                .entity(Problems.of(503, "database-unavailable", "Service unavailable",
                        "The database is not answering; try again in a few seconds").withInstance(path()))
                .build();
    }

    private Response unauthenticated() {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problems.of(401, "unauthenticated", "Unauthenticated",
                        "A valid bearer token is required").withInstance(path()))
                .build();
    }

    private Response respond(Problem problem) {
        return Problems.response(problem.withInstance(path()));
    }

    private String path() {
        try {
            return uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return Problems.invalid(List.of(new FieldError("body", "is not well-formed JSON")));
        }
        if (OneJsonValue.trailing(e)) {
            return Problems.invalid(List.of(new FieldError("body", "is not one JSON value: something follows it")));
        }
        String field = jsonPath(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known property";
        } else if (e instanceof NoNulStrings.NulInString) {
            message = "must not contain the NUL character (U+0000)";
        } else if (e.getCause() instanceof InputCoercionException) {
            message = "is out of range";
        } else if (e instanceof ValueInstantiationException && e.getCause() != null
                && e.getCause() instanceof IllegalArgumentException cause) {
            message = cause.getMessage();
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = "must be " + describe(mismatch.getTargetType());
        } else {
            message = "has the wrong type or format";
        }
        return Problems.invalid(List.of(new FieldError(field, message)));
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == BigDecimal.class || type == double.class || type == Double.class || type == float.class
                || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return "an ISO-8601 date-time with offset";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** The field a violation is about, as the client named it: snake_case JSON path or parameter name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String name = node.getName() == null ? "" : snakeCase(node.getName());
                if (node.getIndex() != null && !parts.isEmpty()) {
                    int last = parts.size() - 1;
                    parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
                }
                if (!name.isEmpty() && !name.startsWith("<")) {
                    parts.add(name);
                }
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : snakeCase(parameter);
        }
        return String.join(".", parts);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
