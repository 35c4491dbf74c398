package org.fugong.gateway.observability;

import java.time.Instant;

import org.jboss.logging.Logger;

import io.vertx.core.json.JsonObject;

/**
 * One JSON line per request on the {@code fugong.access} category, written as is (see
 * application.properties): who called what, what became of it and how long it took. Never
 * credentials, query strings or bodies: those can carry keys and personal data.
 */
public final class AccessLog {

    private static final Logger LOG = Logger.getLogger("fugong.access");

    private AccessLog() {
    }

    /** What the gateway knows about a request by the time its response has gone. */
    public record Entry(String requestId, String traceparent, String method, String path, String route, String service,
            int status, double durationMillis, String client, String tier, String remote, long bytesOut, String outcome) {
    }

    public static void write(Entry e) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        JsonObject line = new JsonObject().put("ts", Instant.now().toString()).put("request_id", e.requestId())
                .put("trace_id", e.traceparent() == null ? null : e.traceparent().substring(3, 35))
                .put("method", e.method()).put("path", e.path()).put("route", e.route()).put("service", e.service())
                .put("status", e.status()).put("duration_ms", Math.round(e.durationMillis() * 100) / 100.0)
                .put("client", e.client()).put("tier", e.tier()).put("remote", e.remote()).put("bytes_out", e.bytesOut())
                .put("outcome", e.outcome());
        LOG.info(line.encode());
    }
}
