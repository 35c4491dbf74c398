package org.fugong.gateway.routing;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import org.fugong.gateway.GatewayConfig;
import org.fugong.gateway.edge.LimitedBody;
import org.fugong.gateway.edge.ProblemResponses;
import org.fugong.gateway.edge.SafePath;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One service behind the gateway: a reverse proxy (Vert.x HTTP proxy over a shared keep-alive
 * pool) with the service's timeout and connection retries, balanced over its replicas, each with
 * its own circuit breaker. When the service cannot be reached or does not answer in time, the
 * caller gets a problem+json naming it (503 or 504) instead of a bare 502.
 */
final class Upstream {

    /** Where a forwarded request's replica is kept between choosing it and connecting to it. */
    private static final String REPLICA = "fugong.replica";

    private final String name;
    private final GatewayConfig.Service config;
    private final Vertx vertx;
    private final Replicas replicas;
    private final java.util.function.Supplier<HttpClient> clients;
    /** One proxy, with its own connection pool, per event loop: a request and its upstream call stay on one thread. */
    private final Map<Thread, HttpProxy> proxies = new ConcurrentHashMap<>();
    /** The replica {@link #forward} chose, until the proxy's interceptor (run within the same call) takes it. */
    private final Map<HttpServerRequest, Replica> chosen = new ConcurrentHashMap<>();
    private final long maxBodyBytes;

    Upstream(String name, GatewayConfig.Service config, Vertx vertx, java.util.function.Supplier<HttpClient> clients,
            long maxBodyBytes) {
        this.name = name;
        this.maxBodyBytes = maxBodyBytes;
        this.config = config;
        this.vertx = vertx;
        this.replicas = new Replicas(config.url().stream()
                .map(url -> Replica.of(url, config.failureThreshold(), config.openFor())).toList());
        this.clients = clients;
    }

    private HttpProxy newProxy() {
        return HttpProxy.reverseProxy(clients.get()).origin(this::connect).addInterceptor(new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                Replica replica = chosen.remove(context.request().proxiedRequest());
                if (replica == null) {
                    throw new IllegalStateException("A request reached the proxy without a replica"); // forward() chose one
                }
                context.set(REPLICA, replica);
                LimitedBody limited = prepare(context.request());
                return context.sendRequest().compose(response -> {
                    response.headers().remove("X-Request-Id"); // the gateway's own is already on the response
                    CircuitBreaker breaker = context.get(REPLICA, Replica.class).breaker();
                    if (response.getStatusCode() >= 502 && response.getStatusCode() <= 504) {
                        breaker.onFailure();
                    } else {
                        breaker.onSuccess();
                    }
                    return Future.succeededFuture(response);
                }, failure -> {
                    CircuitBreaker breaker = context.get(REPLICA, Replica.class).breaker();
                    if (limited != null && limited.exceeded()) {
                        breaker.onAbandoned(); // the caller's fault, not the service's: a half-open trial ends here
                        return Future.succeededFuture(tooLarge(context));
                    }
                    if (context.request().proxiedRequest().response().closed()) {
                        // The caller went away mid-request (and the proxy reset the call): not the service's fault.
                        breaker.onAbandoned();
                    } else {
                        breaker.onFailure();
                    }
                    return Future.succeededFuture(unavailable(context, failure));
                });
            }
        });
    }

    /**
     * Forwards exactly the path the gateway checked (the normalised one, see {@link SafePath}) with
     * the caller's query, and counts a body of undeclared length against the limit.
     */
    private LimitedBody prepare(ProxyRequest proxyRequest) {
        HttpServerRequest incoming = proxyRequest.proxiedRequest();
        String path;
        try {
            path = SafePath.normalise(incoming.path());
        } catch (SafePath.Refused refused) {
            throw new IllegalStateException("A refused path reached the proxy", refused); // FrontDoor answered it
        }
        String query = incoming.query();
        String uri = query == null ? path : path + "?" + query;
        if (!uri.equals(proxyRequest.getURI())) {
            proxyRequest.setURI(uri);
        }
        Body body = proxyRequest.getBody();
        if (body == null || body.length() >= 0) {
            return null;
        }
        LimitedBody limited = new LimitedBody(body.stream(), maxBodyBytes);
        proxyRequest.setBody(Body.body(limited, -1));
        return limited;
    }

    private ProxyResponse tooLarge(ProxyContext context) {
        ProxyResponse response = context.request().response().setStatusCode(413)
                .putHeader("Content-Type", ProblemResponses.MEDIA_TYPE).putHeader("Cache-Control", "no-store")
                .putHeader("Connection", "close");
        response.headers().remove("Content-Length");
        return response.setBody(Body.body(Buffer.buffer(ProblemResponses.json("payload-too-large", "Payload too large",
                413, "The request body may be at most " + maxBodyBytes + " bytes", null))));
    }

    String name() {
        return name;
    }

    /** Each replica's circuit, by host:port. */
    Map<String, CircuitBreaker.State> circuits() {
        Map<String, CircuitBreaker.State> states = new java.util.LinkedHashMap<>();
        replicas.all().forEach(replica -> states.put(replica.address(), replica.breaker().state()));
        return states;
    }

    /** Seconds until a replica whose circuit is open may be tried again. */
    long retryAfterSeconds() {
        return replicas.retryAfterSeconds();
    }

    /**
     * Forwards the request, already authenticated, headers rewritten, to the next replica in turn;
     * false when every replica's circuit is open.
     */
    boolean forward(HttpServerRequest request) {
        Replica replica = replicas.acquire(Set.of());
        if (replica == null) {
            return false;
        }
        chosen.put(request, replica);
        try {
            proxies.computeIfAbsent(Thread.currentThread(), thread -> newProxy()).handle(request);
        } finally {
            if (chosen.remove(request) != null) {
                replica.breaker().onAbandoned(); // the proxy answered it itself (a malformed request)
            }
        }
        return true;
    }

    /**
     * Opens the connection for one forwarded request, with the service's timeouts. A refused
     * connection is tried again on the same replica when the request may be repeated at all; a
     * replica that cannot be reached hands the request to the next one whatever its method, since
     * nothing of it was sent yet.
     */
    private Future<HttpClientRequest> connect(ProxyContext context) {
        HttpServerRequest incoming = context.request().proxiedRequest();
        int attempts = 1 + (RetryPolicy.mayRetry(incoming.method().name(), incoming.getHeader("Idempotency-Key"))
                ? config.retries() : 0);
        Promise<HttpClientRequest> promise = Promise.promise();
        attempt(context, context.get(REPLICA, Replica.class), new HashSet<>(), attempts, 1, promise);
        return promise.future();
    }

    private void attempt(ProxyContext context, Replica replica, Set<Replica> tried, int attempts, int attempt,
            Promise<HttpClientRequest> promise) {
        RequestOptions options = new RequestOptions().setHost(replica.host()).setPort(replica.port())
                .setConnectTimeout(config.connectTimeout().toMillis()).setIdleTimeout(config.timeout().toMillis());
        context.client().request(options).onSuccess(promise::complete).onFailure(failure -> {
            if (attempt < attempts && !(failure instanceof TimeoutException)) {
                vertx.setTimer(50L * attempt, id -> attempt(context, replica, tried, attempts, attempt + 1, promise));
                return;
            }
            tried.add(replica);
            Replica next = replicas.acquire(tried);
            if (next == null) {
                promise.fail(failure); // the interceptor counts it against the replica last tried
                return;
            }
            replica.breaker().onFailure();
            context.set(REPLICA, next);
            attempt(context, next, tried, attempts, 1, promise);
        });
    }

    private ProxyResponse unavailable(ProxyContext context, Throwable failure) {
        boolean timedOut = failure instanceof TimeoutException;
        int status = timedOut ? 504 : 503;
        String detail = timedOut
                ? "The " + name + " service did not answer within " + config.timeout().toMillis() + " ms"
                : "The " + name + " service cannot be reached";
        ProxyResponse response = context.request().response().setStatusCode(status)
                .putHeader("Content-Type", ProblemResponses.MEDIA_TYPE).putHeader("Cache-Control", "no-store");
        if (!timedOut) {
            response.putHeader("Retry-After", "1");
        }
        response.headers().remove("Content-Length");
        return response.setBody(Body.body(Buffer.buffer(ProblemResponses.json(timedOut ? "upstream-timeout" : "upstream-unavailable",
                timedOut ? "Service timed out" : "Service unavailable", status, detail, name))));
    }
}
