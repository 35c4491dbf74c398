package org.fugong.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.fugong.gateway.GatewayConfig;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The documentation a client reads at the gateway: {@code /openapi} (the services' documents and
 * the gateway's own, merged; Swagger UI at {@code /docs} shows it), and the event contract,
 * {@code /asyncapi.yaml} with the JSON Schemas it refers to under {@code /schemas/}. The merged
 * document is cached briefly, so a busy docs page does not fan out to every service each time.
 */
@ApplicationScoped
public class DocsRoutes {

    private static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z0-9.-]+\\.schema\\.json");

    @Inject
    GatewayConfig config;

    private final Map<String, Buffer> resources = new java.util.concurrent.ConcurrentHashMap<>();
    private HttpClient http;
    private volatile String cached;
    private volatile long cachedAt;

    void install(@Observes Router router, Vertx vertx) {
        http = vertx.createHttpClient();
        router.get("/openapi").handler(this::openApi);
        router.get("/asyncapi.yaml").handler(ctx -> classpath(ctx, "contracts/asyncapi.yaml", "application/yaml"));
        router.get("/schemas/:file").handler(ctx -> {
            String file = ctx.pathParam("file");
            if (!SCHEMA_FILE.matcher(file).matches()) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            classpath(ctx, "contracts/schemas/" + file, "application/schema+json");
        });
    }

    private void openApi(RoutingContext ctx) {
        String document = cached;
        if (document != null && System.currentTimeMillis() - cachedAt < CACHE_FOR.toMillis()) {
            send(ctx, document);
            return;
        }
        Map<String, List<String>> sources = new LinkedHashMap<>();
        sources.put("gateway", List.of("http://127.0.0.1:" + ctx.request().localAddress().port()));
        config.services().forEach((name, service) -> sources.put(name, service.url()));
        Map<String, Future<JsonObject>> fetches = new LinkedHashMap<>();
        sources.forEach((name, replicas) -> fetches.put(name, fetchFromAny(replicas, 0)));
        Future.join(new ArrayList<>(fetches.values())).onComplete(done -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            fetches.forEach((name, fetch) -> {
                if (fetch.succeeded()) {
                    documents.put(name, fetch.result());
                } else {
                    missing.add(name);
                }
            });
            String merged = OpenApiMerger.merge(documents, missing, "1.0").encodePrettily();
            if (missing.isEmpty()) {
                cached = merged;
                cachedAt = System.currentTimeMillis();
            }
            send(ctx, merged);
        });
    }

    /** The document of the first replica that gives it, so one replica down leaves the docs whole. */
    private Future<JsonObject> fetchFromAny(List<String> replicas, int index) {
        Future<JsonObject> fetch = fetch(replicas.get(index).strip() + "/q/openapi?format=json");
        return index + 1 == replicas.size() ? fetch : fetch.recover(failure -> fetchFromAny(replicas, index + 1));
    }

    private Future<JsonObject> fetch(String url) {
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setIdleTimeout(5_000)
                .setConnectTimeout(2_000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(url + " answered " + response.statusCode()))
                .map(Buffer::toJsonObject);
    }

    private static void send(RoutingContext ctx, String document) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "max-age=30").end(document);
    }

    /**
     * Serves a file of the contracts jar; each found file is read once (they never change while
     * running), a missing one is not remembered (the names asked for are the caller's).
     */
    private void classpath(RoutingContext ctx, String resource, String contentType) {
        Buffer content = resources.get(resource);
        if (content == null) {
            content = read(resource);
            if (content == null) {
                ctx.response().setStatusCode(404).end();
                return;
            }
            resources.put(resource, content);
        }
        ctx.response().putHeader("Content-Type", contentType).end(content);
    }

    private static Buffer read(String resource) {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
