package org.fugong.gateway.edge;

import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.fugong.gateway.GatewayConfig;
import org.fugong.gateway.auth.ApiKeys;
import org.fugong.gateway.ratelimit.TokenBucket;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler every request meets, for every path ({@code /api/v1}, {@code /admin},
 * {@code /health}, {@code /openapi}, docs): over-long request lines and headers (414, 431), the
 * client's address and its limits (429, before authentication), and the one normalised path that
 * routing, public paths and forwarding then use (400 when it cannot be normalised safely).
 *
 * <p>The HTTP codec's own limits are set well above these ({@code quarkus.http.limits.*}), so
 * that an over-long request reaches this handler and gets a problem+json body rather than the
 * codec's empty answer.
 */
@Singleton
public class FrontDoor {

    /** Routing-context keys for what this handler worked out. */
    public static final String CLIENT_ADDRESS = "fugong.client-address";
    public static final String PATH = "fugong.path";
    private static final String FORWARDED = "fugong.forwarded";

    @Inject
    GatewayConfig config;

    @Inject
    ApiKeys apiKeys;

    private ClientAddress addresses;
    private AddressLimiter limiter;

    @PostConstruct
    void init() {
        addresses = new ClientAddress(config.trustedProxies().orElse(List.of()));
        GatewayConfig.PerAddress perAddress = config.rateLimit().perAddress();
        limiter = new AddressLimiter(new AddressLimiter.Limits(perAddress.rate(), perAddress.burst(),
                perAddress.failureRate(), perAddress.failureBurst(), perAddress.maxAddresses()));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::handle);
    }

    /** The client address worked out for this request. */
    public static String clientAddress(RoutingContext ctx) {
        return ctx.get(CLIENT_ADDRESS);
    }

    /** The normalised path of this request (never null once this handler let it through). */
    public static String path(RoutingContext ctx) {
        return ctx.get(PATH);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > config.limits().maxRequestLine()) {
            ProblemResponses.send(ctx, 414, "uri-too-long", "Request target too long", "The path and query may be at most "
                    + config.limits().maxRequestLine() + " characters", null);
            return;
        }
        if (headerBytes(request) > config.limits().maxHeaderSize()) {
            ProblemResponses.send(ctx, 431, "headers-too-large", "Request headers too large",
                    "The request's headers may be at most " + config.limits().maxHeaderSize() + " bytes", null);
            return;
        }
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        // Every X-Forwarded-For line, in order: a proxy may add its own line instead of appending to
        // the client's, and reading only the first would believe the client.
        List<String> forwardedFor = request.headers().getAll("X-Forwarded-For");
        String client = addresses.resolve(peer, forwardedFor.isEmpty() ? null : String.join(",", forwardedFor));
        ctx.put(CLIENT_ADDRESS, client);
        String key = ClientAddress.limitKey(client);
        TokenBucket.Decision decision = limiter.admit(key, System.currentTimeMillis());
        if (decision != null && !decision.allowed()) {
            ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            ProblemResponses.send(ctx, 429, "rate-limited", "Too many requests",
                    "Too many requests or failed authentications from this address; try again in "
                            + decision.retryAfterSeconds() + " s", null);
            return;
        }
        // A 401 the gateway gave is a failed authentication; one a service gave to a forwarded
        // request is not the caller's guess (a broken service must not lock every client out).
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 401 && !Boolean.TRUE.equals(ctx.get(FORWARDED))) {
                limiter.failed(key, System.currentTimeMillis());
            }
        });
        String path;
        try {
            path = SafePath.normalise(request.path());
        } catch (SafePath.Refused refused) {
            ProblemResponses.send(ctx, 400, "bad-path", "Path refused", refused.getMessage(), null);
            return;
        }
        ctx.put(PATH, path);
        if (path.startsWith("/admin/") && !isPreflight(request) && !adminKeyIsKnown(request)) {
            // Refused here, before the body is read and on this thread, so the failure is counted
            // before the next request from the address is admitted: otherwise thousands of guesses
            // sent at once with slow bodies would all pass the failure budget before any was charged.
            ctx.response().putHeader("WWW-Authenticate", "ApiKey");
            ProblemResponses.send(ctx, 401, "unauthenticated", "Unauthenticated", "A valid X-Api-Key is required", null);
            return;
        }
        ctx.next();
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
    }

    private boolean adminKeyIsKnown(HttpServerRequest request) {
        return apiKeys.authenticate(request.getHeader("X-Api-Key")).isPresent();
    }

    /** Marks an exchange as forwarded to a service: its answers are the service's, not the gateway's. */
    public static void markForwarded(RoutingContext ctx) {
        ctx.put(FORWARDED, Boolean.TRUE);
    }

    private static int headerBytes(HttpServerRequest request) {
        int total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }
}
