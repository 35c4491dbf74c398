package org.fugong.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The API as its contract states it: every operation of the gateway's merged {@code /openapi}
 * (parsed with swagger-parser, the reference parser, not by hand), and who may call each, read from
 * the services' own documents, whose security scopes are the roles of their {@code @RolesAllowed}
 * annotations (the gateway's merged copy replaces them with its key schemes). The services'
 * {@code EndpointRolesTest}s pin those annotations; this reads what the running services serve.
 */
final class Contract {

    /** Every role there is (as platform-testing's EndpointRoles.EVERYONE). */
    static final List<String> ROLES = List.of("ADMIN", "AUTHORITY", "ENTERPRISE", "HEALTH_INSTITUTION", "LENDER",
            "CHECKPOINT", "READER");

    /**
     * One documented operation: {@code service} names the service's database; {@code roles} is
     * every role for a public or any-caller operation.
     */
    record Operation(String service, String method, String path, List<Parameter> parameters, Schema<?> body,
            List<String> mediaTypes, Set<String> roles) {

        String name() {
            return method + " " + path;
        }

        boolean hasBody() {
            return !mediaTypes.isEmpty();
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final OpenAPI merged;
    private final List<Operation> operations;

    private Contract(OpenAPI merged, List<Operation> operations) {
        this.merged = merged;
        this.operations = operations;
    }

    /** The running suite's contract: the gateway's merged document, the roles from each service's own. */
    static Contract of(RunningSuite suite) throws Exception {
        OpenAPI merged = parse(fetch(suite.gatewayUrl() + "/openapi"));
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        Map<String, String> services = new LinkedHashMap<>();
        // Each service by the name of its database, which is where a refused request could have written.
        Map<String, ServiceProcess> byDatabase = Map.of("registry", suite.suite().registry(), "supply",
                suite.suite().supply(), "logistics", suite.suite().logistics(), "finance", suite.suite().finance());
        for (Map.Entry<String, ServiceProcess> service : byDatabase.entrySet()) {
            OpenAPI own = parse(fetch(service.getValue().baseUrl() + "/q/openapi?format=json"));
            String base = service.getValue().baseUrl();
            forEachOperation(own, (method, path, operation) -> {
                roles.put(method + " " + path, method.equals("GET") && openWithoutToken(base, path) ? new TreeSet<>(ROLES)
                        : rolesOf(operation));
                services.put(method + " " + path, service.getKey());
            });
        }
        List<Operation> operations = new ArrayList<>();
        forEachOperation(merged, (method, path, operation) -> {
            if (!path.startsWith("/api/v1/")) {
                return; // the gateway's own /admin, /health and docs are not the services' contract
            }
            List<String> mediaTypes = new ArrayList<>();
            Schema<?> body = null;
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                for (Map.Entry<String, MediaType> content : operation.getRequestBody().getContent().entrySet()) {
                    mediaTypes.add(content.getKey());
                    if (body == null) {
                        body = content.getValue().getSchema();
                    }
                }
            }
            List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
            Set<String> allowed = roles.get(method + " " + path);
            if (allowed == null) {
                throw new IllegalStateException(method + " " + path + " is in the gateway's document but in no service's");
            }
            operations.add(new Operation(services.get(method + " " + path), method, path, parameters, body, mediaTypes,
                    allowed));
        });
        return new Contract(merged, List.copyOf(operations));
    }

    List<Operation> operations() {
        return operations;
    }

    /** The schema itself, or the component a {@code $ref} names. */
    Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < 10; hops++) {
            String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
            s = merged.getComponents() == null ? null : merged.getComponents().getSchemas().get(name);
        }
        return s;
    }

    /** The JSON type an OpenAPI 3.0 ({@code type}) or 3.1 ({@code types}, maybe with "null") schema declares. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return schema.getProperties() != null ? "object" : null;
    }

    private static Set<String> rolesOf(io.swagger.v3.oas.models.Operation operation) {
        Set<String> roles = new TreeSet<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                requirement.values().forEach(roles::addAll);
            }
        }
        // No role named: @PermitAll, or open to any authenticated caller.
        return roles.isEmpty() ? new TreeSet<>(ROLES) : roles;
    }

    /**
     * Whether the service itself answers the read without any token: a {@code @PermitAll} method of
     * a class whose {@code @RolesAllowed} the service's document still names as its security (the
     * pass keys, the revocation list). Asked of the service directly, where no rate limit applies.
     */
    private static boolean openWithoutToken(String base, String path) {
        String concrete = path.replaceAll("\\{[^}]+}", java.util.UUID.randomUUID().toString());
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + concrete)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 401;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface OperationVisitor {
        void visit(String method, String path, io.swagger.v3.oas.models.Operation operation);
    }

    private static void forEachOperation(OpenAPI document, OperationVisitor visitor) {
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (PathItem.HttpMethod method, io.swagger.v3.oas.models.Operation operation) ->
                        visitor.visit(method.name(), path, operation)));
    }

    private static OpenAPI parse(String json) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("Not an OpenAPI document: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    private static String fetch(String url) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + answer.statusCode());
        }
        return answer.body();
    }
}
