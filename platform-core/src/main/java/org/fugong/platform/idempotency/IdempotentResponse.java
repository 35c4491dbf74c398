package org.fugong.platform.idempotency;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A creating request's answer, either fresh or replayed from an earlier request with the same key. */
public record IdempotentResponse(int status, String location, Object body, String etag, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (location != null) {
            response.location(URI.create(location));
        }
        if (etag != null) {
            response.tag(new EntityTag(etag));
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
