package org.fugong.gateway.routing;

import org.fugong.platform.problem.Problem;

import io.vertx.core.json.JsonObject;

/**
 * The problem+json bodies the gateway writes itself, from Vert.x handlers rather than JAX-RS, in
 * the shape and type namespace the services use ({@link org.fugong.platform.problem.Problems}).
 */
final class Problems {

    static final String MEDIA_TYPE = Problem.MEDIA_TYPE;

    private Problems() {
    }

    static String json(String slug, String title, int status, String detail, String service) {
        JsonObject problem = new JsonObject().put("type", org.fugong.platform.problem.Problems.type(slug))
                .put("title", title).put("status", status).put("detail", detail);
        if (service != null) {
            problem.put("service", service);
        }
        return problem.encode();
    }
}
