package org.fugong.gateway.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.fugong.gateway.GatewayConfig;
import org.fugong.gateway.auth.Authenticator;
import org.fugong.gateway.auth.Identity;
import org.fugong.gateway.auth.InternalTokens;
import org.fugong.gateway.auth.Rejection;
import org.fugong.gateway.edge.FrontDoor;
import org.fugong.gateway.edge.ProblemResponses;
import org.fugong.gateway.observability.AccessLog;
import org.fugong.gateway.observability.GatewayMetrics;
import org.fugong.gateway.ratelimit.RateLimiter;
import org.fugong.gateway.ratelimit.TokenBucket;
import org.fugong.platform.http.TraceParent;
import org.fugong.platform.http.RequestIds;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The request path through the gateway for {@code /api/v1/<collection>/...}: request id and trace,
 * route lookup, authentication, rate limit, then the owning service through its {@link Upstream}
 * with the internal JWT in place of anything the client could forge. Every request, forwarded or
 * answered here, ends in one access-log line and the route's metrics.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    private static final String API_PREFIX = "/api/v1/";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Headers a client might send to impersonate the gateway or fake where it came from. */
    private static final CharSequence[] UNTRUSTED = Stream.of("X-Api-Key", "Authorization", "X-Forwarded-For",
            "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Forwarded-Port", "Forwarded", "X-Real-Ip")
            .map(HttpHeaders::createOptimized).toArray(CharSequence[]::new);
    // Header names as pre-encoded constants: hashed once and copied to the wire as bytes, on every request.
    private static final CharSequence AUTHORIZATION = HttpHeaders.createOptimized("Authorization");
    private static final CharSequence FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence FORWARDED_HOST = HttpHeaders.createOptimized("X-Forwarded-Host");
    private static final CharSequence REQUEST_ID_HEADER = HttpHeaders.createOptimized("X-Request-Id");
    private static final CharSequence TRACEPARENT = HttpHeaders.createOptimized("traceparent");

    @Inject
    GatewayConfig config;

    // What every request calls is @Singleton, so no client proxy stands between the event loop and it.
    @Inject
    Authenticator authenticator;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    InternalTokens tokens;

    @Inject
    GatewayMetrics metrics;

    @Inject
    AccessLog accessLog;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    private final Map<String, Upstream> byCollection = new HashMap<>();
    private final Map<String, Upstream> byName = new LinkedHashMap<>();

    /** What is known about one request, for its log line and metrics. */
    private static final class Exchange {
        final long started = System.nanoTime();
        String requestId;
        String traceparent;
        String route = "unknown";
        String service = "gateway";
        Identity identity;
        String outcome = "forwarded";
        String remote;
    }

    void install(@Observes Router router, Vertx vertx) {
        HttpClientOptions pool = new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64).setPipelining(false)
                .setPoolCleanerPeriod(5_000).setKeepAliveTimeout(30);
        config.services().forEach((name, service) -> {
            // Each event loop gets its own client, created on first use from that loop, so its
            // connections live on the same thread as the requests that use them.
            Upstream upstream = new Upstream(name, service, vertx, () -> vertx.createHttpClient(pool),
                    maxBodySize.asLongValue());
            byName.put(name, upstream);
            service.collections().forEach(collection -> byCollection.put(collection, upstream));
        });
        router.route("/api/v1/*").order(Integer.MIN_VALUE + 200).handler(this::handle);
    }

    /**
     * The circuit state of each service, for health: by service name where it has one replica, by
     * "name host:port" for each where it has several.
     */
    public Map<String, CircuitBreaker.State> circuits() {
        Map<String, CircuitBreaker.State> states = new LinkedHashMap<>();
        byName.forEach((name, upstream) -> {
            Map<String, CircuitBreaker.State> ofReplicas = upstream.circuits();
            if (ofReplicas.size() == 1) {
                states.put(name, ofReplicas.values().iterator().next());
            } else {
                ofReplicas.forEach((address, state) -> states.put(name + " " + address, state));
            }
        });
        return states;
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null) {
            ctx.next(); // a browser's CORS preflight: the CORS filter answers it, without credentials
            return;
        }
        Exchange exchange = new Exchange();
        exchange.remote = FrontDoor.clientAddress(ctx);
        String requestId = request.getHeader("X-Request-Id");
        exchange.requestId = requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId
                : RequestIds.next();
        String traceparent = request.getHeader("traceparent");
        exchange.traceparent = TraceParent.isValid(traceparent) ? traceparent : TraceParent.newTrace();
        ctx.response().putHeader("X-Request-Id", exchange.requestId);
        ctx.addEndHandler(done -> finished(ctx, exchange));

        String path = FrontDoor.path(ctx);
        String collection = collection(path);
        Upstream upstream = collection == null ? null : byCollection.get(collection);
        if (upstream == null) {
            exchange.outcome = "not_found";
            reject(ctx, 404, "not-found", "Not found", "No service serves " + path);
            return;
        }
        exchange.route = collection;
        exchange.service = upstream.name();
        request.pause(); // the body waits while we decide, then streams to the service
        Context context = Vertx.currentContext();
        Future<Identity> caller;
        try {
            caller = authenticator.authenticate(request, path, exchange.remote);
        } catch (RuntimeException e) {
            caller = Future.failedFuture(e);
        }
        caller.compose(identity -> {
            exchange.identity = identity;
            return rateLimiter.take(identity);
        }).onComplete(result -> onContext(context, () -> {
            if (result.succeeded()) {
                admit(ctx, exchange, upstream, result.result());
            } else if (result.cause() instanceof Rejection rejection) {
                exchange.outcome = rejection.slug();
                if (rejection.challenge() != null) {
                    ctx.response().putHeader("WWW-Authenticate", rejection.challenge());
                }
                reject(ctx, rejection.status(), rejection.slug(), rejection.title(), rejection.getMessage());
            } else {
                LOG.error("Could not decide on a request", result.cause());
                exchange.outcome = "error";
                reject(ctx, 500, "internal", "Internal error", "The gateway could not handle the request");
            }
        }));
    }

    private void admit(RoutingContext ctx, Exchange exchange, Upstream upstream, TokenBucket.Decision limit) {
        HttpServerResponse response = ctx.response();
        if (limit != null) {
            response.putHeader("RateLimit-Limit", Integer.toString(limit.limit()))
                    .putHeader("RateLimit-Remaining", Integer.toString(limit.remaining()))
                    .putHeader("RateLimit-Reset", Long.toString(limit.resetSeconds()));
            if (!limit.allowed()) {
                exchange.outcome = "rate_limited";
                metrics.rateLimited(exchange.route, exchange.identity.tier());
                response.putHeader("Retry-After", Long.toString(limit.retryAfterSeconds()));
                reject(ctx, 429, "rate-limited", "Too many requests", "The " + exchange.identity.tier()
                        + " tier allows " + limit.limit() + " requests at once; try again in "
                        + limit.retryAfterSeconds() + " s");
                return;
            }
        }
        HttpServerRequest request = ctx.request();
        var headers = request.headers();
        for (CharSequence name : UNTRUSTED) {
            headers.remove(name);
        }
        headers.set(AUTHORIZATION, tokens.authorizationFor(exchange.identity, upstream.name()));
        if (exchange.remote != null) {
            headers.set(FORWARDED_FOR, exchange.remote);
        }
        headers.set(FORWARDED_PROTO, request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set(FORWARDED_HOST, request.authority().toString());
        }
        headers.set(REQUEST_ID_HEADER, exchange.requestId);
        headers.set(TRACEPARENT, exchange.traceparent);
        FrontDoor.markForwarded(ctx);
        if (!upstream.forward(request)) {
            exchange.outcome = "circuit_open";
            response.putHeader("Retry-After", Long.toString(upstream.retryAfterSeconds()));
            reject(ctx, 503, "upstream-unavailable", "Service unavailable", "The " + upstream.name()
                    + " service is failing; the gateway stops calling it for a while", upstream.name());
        }
    }

    private void finished(RoutingContext ctx, Exchange exchange) {
        long nanos = System.nanoTime() - exchange.started;
        HttpServerRequest request = ctx.request();
        int status = ctx.response().getStatusCode();
        metrics.request(exchange.route, exchange.service, request.method().name(), status, nanos);
        Identity identity = exchange.identity;
        Instant now = Instant.now();
        accessLog.write(new AccessLog.Entry(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000, exchange.requestId, exchange.traceparent, request.method().name(),
                FrontDoor.path(ctx), exchange.route, exchange.service, status, nanos / 1e6,
                identity == null ? null : identity.subject(), identity == null ? null : identity.tier(),
                exchange.remote, ctx.response().bytesWritten(), exchange.outcome));
    }

    /** The first segment after {@code /api/v1/}: "enterprises" in /api/v1/enterprises/42. */
    static String collection(String path) {
        int start = API_PREFIX.length();
        if (path == null || !path.startsWith(API_PREFIX) || path.length() == start) {
            return null;
        }
        int end = path.indexOf('/', start);
        return end == start ? null : path.substring(start, end < 0 ? path.length() : end);
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private static void reject(RoutingContext ctx, int status, String slug, String title, String detail) {
        reject(ctx, status, slug, title, detail, null);
    }

    private static void reject(RoutingContext ctx, int status, String slug, String title, String detail, String service) {
        ProblemResponses.send(ctx, status, slug, title, detail, service);
    }
}
