package org.fugong.platform.http;


import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Takes {@code traceparent} and {@code X-Request-Id} from the request (the gateway sets both) or
 * makes new ones, and echoes the request id in the response.
 */
public class RequestTraceFilter {
    public static final String REQUEST_ID = "X-Request-Id";

    @Inject
    RequestTrace trace;

    @ServerRequestFilter(preMatching = true)
    public void capture(ContainerRequestContext request) {
        String requestId = request.getHeaderString(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 200) {
            requestId = RequestIds.next();
        }
        trace.set(request.getHeaderString("traceparent"), requestId);
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        if (trace.requestId() != null) {
            response.getHeaders().putSingle(REQUEST_ID, trace.requestId());
        }
    }
}
