package org.fugong.gateway;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/**
 * Routes {@code /api/v1/...} by its first segment to the service that owns it, after checking the
 * client's API key. The forwarded request carries the gateway's internal JWT and nothing the client
 * could forge: incoming Authorization and X-Forwarded-* headers are replaced.
 */
@ApplicationScoped
public class ProxyRoutes {

    /** Which service owns which collection. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("enterprises", "registry"), Map.entry("regions", "registry"),
            Map.entry("health-reports", "registry"), Map.entry("stats", "registry"),
            Map.entry("supply-items", "supply"), Map.entry("supply-offers", "supply"),
            Map.entry("supply-requests", "supply"), Map.entry("allocations", "supply"),
            Map.entry("matching-runs", "supply"), Map.entry("supply-gaps", "supply"),
            Map.entry("production-capacities", "supply"));

    private static final String PROBLEM = """
            {"type":"urn:fugong:problem:%s","title":"%s","status":%d,"detail":"%s"}""";

    @Inject
    GatewayConfig config;

    @Inject
    ApiKeys apiKeys;

    @Inject
    InternalTokens tokens;

    private final Map<String, HttpProxy> proxies = new LinkedHashMap<>();

    void install(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        config.upstreams().forEach((service, url) -> {
            URI uri = URI.create(url);
            proxies.put(service, HttpProxy.reverseProxy(client).origin(uri.getPort(), uri.getHost()));
        });
        router.route("/api/v1/*").order(Integer.MIN_VALUE + 200).handler(this::forward);
    }

    private void forward(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() == io.vertx.core.http.HttpMethod.OPTIONS
                && request.getHeader("Access-Control-Request-Method") != null) {
            ctx.next(); // a browser's CORS preflight: the CORS filter answers it, without a key
            return;
        }
        String[] segments = request.path().split("/");
        String service = segments.length > 3 ? OWNERS.get(segments[3]) : null;
        HttpProxy proxy = service == null ? null : proxies.get(service);
        if (proxy == null) {
            reject(ctx, 404, "not-found", "Not found", "No service serves " + request.path());
            return;
        }
        Optional<ApiClient> client = apiKeys.authenticate(request.getHeader("X-Api-Key"));
        if (client.isEmpty()) {
            ctx.response().putHeader("WWW-Authenticate", "ApiKey");
            reject(ctx, 401, "unauthenticated", "Unauthenticated", "A valid X-Api-Key is required");
            return;
        }
        var headers = request.headers();
        String forwardedFor = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        headers.remove("X-Api-Key");
        headers.remove("X-Forwarded-For");
        headers.remove("X-Forwarded-Host");
        headers.remove("X-Forwarded-Proto");
        headers.remove("X-Forwarded-Prefix");
        headers.remove("Forwarded");
        headers.set("Authorization", "Bearer " + tokens.tokenFor(client.get()));
        if (forwardedFor != null) {
            headers.set("X-Forwarded-For", forwardedFor);
        }
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        if (headers.get("X-Request-Id") == null) {
            headers.set("X-Request-Id", UUID.randomUUID().toString());
        }
        proxy.handle(request);
    }

    private static void reject(RoutingContext ctx, int status, String slug, String title, String detail) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(PROBLEM.formatted(slug, title, status, detail.replace("\"", "'")));
    }
}
