package org.fugong.platform.http;

import jakarta.enterprise.context.RequestScoped;


/** The trace context of the current HTTP request, carried into the events it causes. */
@RequestScoped
public class RequestTrace {
    private String traceParent;
    private String requestId;

    public String traceParent() {
        return traceParent;
    }

    public String requestId() {
        return requestId;
    }

    void set(String incomingTraceParent, String requestId) {
        this.traceParent = TraceParent.isValid(incomingTraceParent) ? incomingTraceParent : TraceParent.newTrace();
        this.requestId = requestId;
    }
}
