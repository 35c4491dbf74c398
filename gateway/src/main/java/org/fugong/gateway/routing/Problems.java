package org.fugong.gateway.routing;

import io.vertx.core.json.JsonObject;

/** The problem+json bodies the gateway writes itself, in the shape the services use. */
final class Problems {

    private Problems() {
    }

    static String json(String slug, String title, int status, String detail, String service) {
        JsonObject problem = new JsonObject().put("type", "urn:fugong:problem:" + slug).put("title", title)
                .put("status", status).put("detail", detail);
        if (service != null) {
            problem.put("service", service);
        }
        return problem.encode();
    }
}
