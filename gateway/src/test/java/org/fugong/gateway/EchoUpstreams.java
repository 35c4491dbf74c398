package org.fugong.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * Two real HTTP servers standing in for the registry and supply services: each answers with the
 * method, path, headers and body it received, so tests see exactly what the gateway forwarded.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] { "registry", "supply" }) {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("service", service).put("method", request.method().name()).put("uri", request.uri())
                        .put("headers", headers).put("body_length", body.length()).encode());
            }));
            try {
                server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            config.put("fugong.gateway.upstreams." + service, "http://127.0.0.1:" + server.actualPort());
        }
        config.put("fugong.gateway.admin-key", GatewayTestSupport.ADMIN_KEY);
        // A service that is not running: nothing routes to it, but health reports it.
        config.put("fugong.gateway.upstreams.stopped", "http://127.0.0.1:" + closedPort());
        return config;
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort(); // closed again when this returns
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
