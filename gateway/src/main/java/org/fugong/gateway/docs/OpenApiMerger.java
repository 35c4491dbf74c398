package org.fugong.gateway.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the services' OpenAPI documents into the one clients read at the gateway: every path,
 * every component, every tag, once. The services document their own internal-JWT scheme; callers
 * of the gateway authenticate with an API key or an OIDC bearer token instead, so every operation's
 * security is rewritten to those two.
 */
public final class OpenApiMerger {

    static final String API_KEY = "apiKey";
    static final String OIDC = "oidcBearer";

    private OpenApiMerger() {
    }

    /**
     * @param documents each service's document by service name, in the order they should appear
     * @param missing services whose documents could not be fetched; named in the description
     */
    public static JsonObject merge(Map<String, JsonObject> documents, List<String> missing, String version) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        documents.forEach((service, document) -> {
            document.getJsonObject("paths", new JsonObject()).forEach(path -> {
                if (!paths.containsKey(path.getKey())) {
                    paths.put(path.getKey(), withGatewaySecurity((JsonObject) path.getValue()));
                }
            });
            document.getJsonObject("components", new JsonObject()).forEach(kind -> {
                if ("securitySchemes".equals(kind.getKey())) {
                    return;
                }
                JsonObject target = components.getJsonObject(kind.getKey());
                if (target == null) {
                    target = new JsonObject();
                    components.put(kind.getKey(), target);
                }
                for (Map.Entry<String, Object> component : (JsonObject) kind.getValue()) {
                    if (!target.containsKey(component.getKey())) {
                        target.put(component.getKey(), component.getValue());
                    }
                }
            });
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                JsonObject t = (JsonObject) tag;
                tags.putIfAbsent(t.getString("name"), t);
            });
        });
        components.put("securitySchemes", new JsonObject()
                .put(API_KEY, new JsonObject().put("type", "apiKey").put("in", "header").put("name", "X-Api-Key")
                        .put("description", "A client application's key, issued by an administrator (POST /admin/api-keys)"))
                .put(OIDC, new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                        .put("description", "An access token from the configured OpenID Connect issuer")));
        String description = "Every Fugong service behind one gateway. Authenticate with X-Api-Key or an OIDC bearer "
                + "token; errors are application/problem+json; events are described at /asyncapi.yaml.";
        if (!missing.isEmpty()) {
            description += " Not included because they did not answer: " + String.join(", ", missing) + ".";
        }
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Fugong API").put("version", version).put("description", description))
                // Relative: the document is served by the gateway it describes, at whatever address callers use.
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")
                        .put("description", "this gateway (every path below includes /api/v1 or /admin)")))
                .put("tags", new JsonArray(new ArrayList<>(tags.values())))
                .put("paths", paths)
                .put("components", components)
                .put("security", gatewaySecurity());
    }

    private static JsonObject withGatewaySecurity(JsonObject pathItem) {
        JsonObject copy = pathItem.copy();
        copy.forEach(entry -> {
            if (entry.getValue() instanceof JsonObject operation && operation.containsKey("security")) {
                operation.put("security", gatewaySecurity());
            }
        });
        return copy;
    }

    private static JsonArray gatewaySecurity() {
        return new JsonArray().add(new JsonObject().put(API_KEY, new JsonArray()))
                .add(new JsonObject().put(OIDC, new JsonArray()));
    }
}
