package org.fugong.gateway.edge;

import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.fugong.gateway.GatewayConfig;
import org.fugong.gateway.ratelimit.TokenBucket;

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

    @Inject
    GatewayConfig config;

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
        String client = addresses.resolve(peer, request.getHeader("X-Forwarded-For"));
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
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 401) {
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
        ctx.next();
    }

    private static int headerBytes(HttpServerRequest request) {
        int total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + 4;
        }
        return total;
    }
}
