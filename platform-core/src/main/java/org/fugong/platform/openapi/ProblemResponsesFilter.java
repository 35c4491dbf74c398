package org.fugong.platform.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.fugong.platform.problem.Problem;

/**
 * Documents what every operation shares, so resources need not repeat it: the bearer token, and
 * the problem+json answers for bad input, authentication, scope, conflicts and preconditions.
 * Register with {@code mp.openapi.filter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String SCHEME = "internalJwt";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The internal JWT the gateway signs for each forwarded request"));
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                document(entry.getKey(), entry.getValue());
            }
        }
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        add(responses, "400", "Invalid input; errors[] names each field");
        add(responses, "401", "Missing, expired or invalid token");
        add(responses, "403", "The caller's role may not do this");
        add(responses, "404", "Not found, or outside the caller's scope");
        if (method != PathItem.HttpMethod.GET) {
            add(responses, "409", "Conflicts with the current state, or the same Idempotency-Key is in flight");
            add(responses, "413", "Body too large");
            add(responses, "415", "Body is not application/json");
        }
        if (method == PathItem.HttpMethod.POST) {
            add(responses, "422", "Idempotency-Key reused with a different body");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
            add(responses, "412", "If-Match does not match the current ETag");
            add(responses, "428", "If-Match is required");
        }
        operation.setResponses(responses);
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(status, response);
    }
}
