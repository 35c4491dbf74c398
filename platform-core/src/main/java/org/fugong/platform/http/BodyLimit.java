package org.fugong.platform.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fugong.platform.problem.Problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers an oversized body with a 413 problem+json before any of it is read: by its declared
 * Content-Length, and for chunked bodies when the HTTP layer gives up at the configured limit.
 */
@ApplicationScoped
public class BodyLimit {

    private static final String BODY = """
            {"type":"urn:fugong:problem:payload-too-large","title":"Payload too large","status":413,\
            "detail":"The request body is larger than %d bytes"}""";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE + 100).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                reject(ctx, limit);
            } else {
                ctx.next();
            }
        });
        router.errorHandler(413, ctx -> reject(ctx, limit));
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void reject(RoutingContext ctx, long limit) {
        if (ctx.response().headWritten()) {
            return;
        }
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(BODY.formatted(limit));
    }
}
