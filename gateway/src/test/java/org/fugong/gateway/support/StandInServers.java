package org.fugong.gateway.support;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.fugong.testing.TestJwt;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP servers standing in for what is outside the gateway: registry, supply and finance services that
 * answer with the method, path, headers and body they received (after {@code delay_ms} if asked),
 * finance as two replicas and a "logistics" service that the tests stop and start, and an OIDC
 * issuer publishing its keys. Also the
 * configuration that points the gateway at them, and the test tier and bootstrap key.
 */
public class StandInServers implements QuarkusTestResourceLifecycleManager {

    public static final String OIDC_ISSUER = "https://issuer.example.test";
    public static final String OIDC_KEY_ID = "issuer-key-1";
    /** The audience the gateway requires of the issuer's tokens. */
    public static final String OIDC_AUDIENCE = "fugong-api";
    /** The issuer's signing key; tests sign their bearer tokens with it. */
    public static final KeyPair OIDC_KEYS = TestJwt.newKeyPair();
    /** How many requests the logistics stand-in has received, to see what the gateway did not send. */
    public static final AtomicInteger LOGISTICS_CALLS = new AtomicInteger();

    /** Finance runs as two replicas behind the gateway, each a stand-in the tests stop and start. */
    public static final int FINANCE_REPLICAS = 2;

    private static Vertx vertx;
    private static final int[] financePorts = new int[FINANCE_REPLICAS];
    private static final HttpServer[] financeReplicas = new HttpServer[FINANCE_REPLICAS];
    private static int logisticsPort;
    private static HttpServer logistics;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] { "registry", "supply" }) {
            config.put("fugong.gateway.services." + service + ".url", "http://127.0.0.1:" + listen(echo(service, null)));
        }
        for (int replica = 0; replica < FINANCE_REPLICAS; replica++) {
            financePorts[replica] = freePort();
            startFinanceReplica(replica);
        }
        config.put("fugong.gateway.services.finance.url", java.util.Arrays.stream(financePorts)
                .mapToObj(port -> "http://127.0.0.1:" + port).collect(java.util.stream.Collectors.joining(",")));
        config.put("fugong.gateway.services.finance.open-for", "1s");
        config.put("fugong.gateway.services.supply.timeout", "1s");

        logisticsPort = freePort();
        startLogistics();
        config.put("fugong.gateway.services.logistics.url", "http://127.0.0.1:" + logisticsPort);
        config.put("fugong.gateway.services.logistics.collections", "shipments");
        config.put("fugong.gateway.services.logistics.failure-threshold", "3");
        config.put("fugong.gateway.services.logistics.open-for", "2s");
        config.put("fugong.gateway.services.logistics.retries", "1");

        HttpServer issuer = vertx.createHttpServer().requestHandler(request -> request.response()
                .putHeader("Content-Type", "application/json").end(jwks().encode()));
        config.put("fugong.gateway.oidc.issuer", OIDC_ISSUER);
        config.put("fugong.gateway.oidc.jwks-url", "http://127.0.0.1:" + listen(issuer) + "/jwks");
        config.put("fugong.gateway.oidc.roles-claim", "realm_access.roles");
        config.put("fugong.gateway.oidc.audience", OIDC_AUDIENCE);
        config.put("fugong.gateway.oidc.authorized-parties", "provincial-portal");
        config.put("fugong.gateway.oidc.role-map.\"fugong-authority\"", "AUTHORITY");
        config.put("fugong.gateway.oidc.role-map.\"fugong-enterprise\"", "ENTERPRISE");

        config.put("fugong.gateway.rate-limit.tiers.tiny.rate", "1");
        config.put("fugong.gateway.rate-limit.tiers.tiny.burst", "3");
        config.put("fugong.gateway.admin-key", ApiKeysForTests.ADMIN_KEY);

        config.put("fugong.gateway.key-refresh", "1s");
        return config;
    }

    /**
     * A service that echoes what it received (with {@code replica} when it is one of several), after
     * {@code delay_ms} if asked, with the status {@code status} if asked.
     */
    private static HttpServer echo(String service, Integer replica) {
        return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject received = new JsonObject().put("service", service).put("method", request.method().name())
                    .put("uri", request.uri()).put("headers", headers).put("body_length", body.length());
            if (replica != null) {
                received.put("replica", replica);
            }
            String echo = received.encode();
            String delay = request.getParam("delay_ms");
            String status = request.getParam("status"); // a service that answers with this status
            if (status != null) {
                request.response().setStatusCode(Integer.parseInt(status));
            }
            if (request.path().equals("/q/health/ready")) {
                request.response().end("{\"status\":\"UP\"}");
            } else if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(openApi(service).encode());
            } else if (delay != null) {
                vertx.setTimer(Long.parseLong(delay), id -> request.response()
                        .putHeader("Content-Type", "application/json").end(echo));
            } else {
                request.response().putHeader("Content-Type", "application/json").end(echo);
            }
        }));
    }

    /** Brings finance replica {@code replica} (back) up on its port. */
    public static void startFinanceReplica(int replica) {
        financeReplicas[replica] = echo("finance", replica);
        await(financeReplicas[replica].listen(financePorts[replica], "127.0.0.1"));
    }

    /** Stops it: connections to its port are refused until {@link #startFinanceReplica}. */
    public static void stopFinanceReplica(int replica) {
        await(financeReplicas[replica].close());
    }

    /** host:port of a finance replica, as the gateway's health names its circuit. */
    public static String financeReplicaAddress(int replica) {
        return "127.0.0.1:" + financePorts[replica];
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Brings the logistics stand-in (back) up on its port. */
    public static void startLogistics() {
        logistics = vertx.createHttpServer().requestHandler(request -> {
            LOGISTICS_CALLS.incrementAndGet();
            request.response().putHeader("Content-Type", "application/json").end("{\"service\":\"logistics\"}");
        });
        try {
            logistics.listen(logisticsPort, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops it: connections to its port are refused until {@link #startLogistics()}. */
    public static void stopLogistics() {
        try {
            logistics.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject openApi(String service) {
        String path = switch (service) {
            case "registry" -> "/api/v1/enterprises";
            case "finance" -> "/api/v1/receivables";
            default -> "/api/v1/supply-offers";
        };
        return new JsonObject().put("openapi", "3.1.0").put("info", new JsonObject().put("title", service))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)))
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", new JsonObject()
                        .put("tags", new JsonArray().add(service)).put("security", new JsonArray()
                                .add(new JsonObject().put("internalJwt", new JsonArray()))))))
                .put("components", new JsonObject()
                        .put("schemas", new JsonObject().put("Problem", new JsonObject().put("type", "object"))
                                .put(service + "Thing", new JsonObject().put("type", "object")))
                        .put("securitySchemes", new JsonObject().put("internalJwt", new JsonObject().put("type", "http"))));
    }

    private static JsonObject jwks() {
        RSAPublicKey key = (RSAPublicKey) OIDC_KEYS.getPublic();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return new JsonObject().put("keys", new JsonArray().add(new JsonObject().put("kty", "RSA").put("kid", OIDC_KEY_ID)
                .put("alg", "RS256").put("use", "sig").put("n", url.encodeToString(unsigned(key.getModulus().toByteArray())))
                .put("e", url.encodeToString(unsigned(key.getPublicExponent().toByteArray())))));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static int listen(HttpServer server) {
        try {
            return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
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
