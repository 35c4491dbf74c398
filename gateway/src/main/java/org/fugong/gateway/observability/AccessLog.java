package org.fugong.gateway.observability;

import java.time.Instant;

import org.jboss.logging.Logger;

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
        // Written by hand: one line per request is on the hot path, and a general JSON encoder costs more.
        StringBuilder line = new StringBuilder(384).append('{');
        field(line, "ts", Instant.now().toString());
        field(line, "request_id", e.requestId());
        field(line, "trace_id", e.traceparent() == null ? null : e.traceparent().substring(3, 35));
        field(line, "method", e.method());
        field(line, "path", e.path());
        field(line, "route", e.route());
        field(line, "service", e.service());
        line.append("\"status\":").append(e.status()).append(',');
        line.append("\"duration_ms\":").append(Math.round(e.durationMillis() * 100) / 100.0).append(',');
        field(line, "client", e.client());
        field(line, "tier", e.tier());
        field(line, "remote", e.remote());
        line.append("\"bytes_out\":").append(e.bytesOut()).append(',');
        field(line, "outcome", e.outcome());
        line.setCharAt(line.length() - 1, '}');
        LOG.info(line);
    }

    private static void field(StringBuilder line, String name, String value) {
        if (value == null) {
            return;
        }
        line.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            } else if (c < 0x20) {
                line.append(String.format("\\u%04x", (int) c));
            } else {
                line.append(c);
            }
        }
        line.append("\",");
    }
}
