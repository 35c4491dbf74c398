package org.fugong.gateway.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fugong.gateway.GatewayConfig;

/** The readiness of every upstream, asked in parallel with a short timeout. */
@Path("/health")
@Tag(name = "Gateway")
public class HealthResource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Inject
    GatewayConfig config;

    @Inject
    ProxyRoutes routes;

    /** Overall status, each service's readiness, and each circuit (CLOSED, OPEN, HALF_OPEN). */
    public record Health(String status, Map<String, String> upstreams, Map<String, CircuitBreaker.State> circuits) {
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Whether every service behind the gateway is ready", description = "200 when all are UP, 503 otherwise.")
    public Response health() {
        // A service is UP while one of its replicas is ready: the gateway routes around the others.
        Map<String, CompletableFuture<String>> checks = new TreeMap<>();
        config.services().forEach((service, upstream) -> checks.put(service, anyReady(upstream.url())));
        Map<String, String> upstreams = new TreeMap<>();
        checks.forEach((service, check) -> upstreams.put(service, check.join()));
        boolean allUp = upstreams.values().stream().allMatch("UP"::equals);
        return Response.status(allUp ? 200 : 503).entity(new Health(allUp ? "UP" : "DOWN", upstreams, routes.circuits())).build();
    }

    private static CompletableFuture<String> anyReady(List<String> replicas) {
        List<CompletableFuture<Boolean>> probes = replicas.stream().map(url -> HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(url.strip() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200)
                .exceptionally(e -> false)).toList();
        return CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
                .thenApply(done -> probes.stream().anyMatch(CompletableFuture::join) ? "UP" : "DOWN");
    }
}
