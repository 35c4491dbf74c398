package org.fugong.gateway.edge;

import org.fugong.platform.problem.Problem;
import org.fugong.platform.problem.Problems;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The problem+json answers the gateway writes itself, from Vert.x handlers rather than JAX-RS, in
 * the shape and type namespace the services use ({@link Problems}).
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = Problem.MEDIA_TYPE;

    private ProblemResponses() {
    }

    public static String json(String slug, String title, int status, String detail, String service) {
        JsonObject problem = new JsonObject().put("type", Problems.type(slug)).put("title", title).put("status", status)
                .put("detail", detail);
        if (service != null) {
            problem.put("service", service);
        }
        return problem.encode();
    }

    /** Ends the exchange with a problem; a body nobody will read is drained, not left on the connection. */
    public static void send(RoutingContext ctx, int status, String slug, String title, String detail, String service) {
        ctx.request().resume();
        ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE).putHeader("Cache-Control", "no-store")
                .end(json(slug, title, status, detail, service));
    }
}
