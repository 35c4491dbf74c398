package org.fugong.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.devstack.EmbeddedDatabase;
import org.fugong.devstack.KeyPairs;
import org.fugong.devstack.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real registry behind the real gateway, as the run command starts them (their packaged jars,
 * an embedded PostgreSQL and Kafka): the scope in an API key reaches the service through the
 * internal JWT, so an enterprise's key cannot read another enterprise's record and an authority
 * sees only its region.
 */
class ThroughTheGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedDatabase database;
    private static EmbeddedKafka kafka;
    private static ServiceProcess registry;
    private static ServiceProcess gateway;
    private static RestClient admin;

    @BeforeAll
    static void start() throws Exception {
        Path home = Files.createTempDirectory("fugong-e2e");
        Path root = Path.of("").toAbsolutePath().getParent(); // the launcher module runs its tests in launcher/
        database = EmbeddedDatabase.temporary();
        kafka = EmbeddedKafka.temporary().start();
        Path jwt = home.resolve("jwt");
        KeyPairs.loadOrCreate(jwt);
        String adminKey = KeyPairs.adminKey(jwt);
        registry = ServiceProcess.onEmbeddedInfrastructure("registry-service", "registry", root, freePort(), database,
                kafka, jwt, Launcher.ISSUER, home.resolve("registry.log"), Map.of());
        gateway = ServiceProcess.onEmbeddedInfrastructure("gateway", "gateway", root, freePort(), database, kafka, jwt,
                Launcher.ISSUER, home.resolve("gateway.log"), Map.of("FUGONG_REGISTRY_URL", registry.baseUrl(),
                        "FUGONG_SUPPLY_URL", "http://127.0.0.1:" + freePort(), "FUGONG_GATEWAY_ADMIN_KEY", adminKey,
                        "FUGONG_GATEWAY_JWT_PRIVATE_KEY_LOCATION", KeyPairs.privateKeyFile(jwt).toString()));
        registry.start();
        gateway.start();
        registry.awaitReady(Duration.ofMinutes(2));
        gateway.awaitReady(Duration.ofMinutes(2));
        admin = RestClient.withApiKey(gateway.baseUrl(), adminKey);
    }

    @AfterAll
    static void stop() {
        for (ServiceProcess service : new ServiceProcess[] { gateway, registry }) {
            if (service != null) {
                service.stop();
            }
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anEnterpriseKeyReachesItsOwnRecordAndNoOneElses() throws Exception {
        UUID wuhan = register("武汉网关测试医疗用品有限公司", "420102", 901);
        UUID shenzhen = register("深圳网关测试电子有限公司", "440305", 902);
        String wuhanKey = issue(Map.of("name", "wuhan app", "role", "ENTERPRISE", "org_id", wuhan.toString()));

        assertThat(get(wuhanKey, "/api/v1/enterprises/" + wuhan).statusCode()).isEqualTo(200);
        HttpResponse<String> other = get(wuhanKey, "/api/v1/enterprises/" + shenzhen);
        assertThat(other.statusCode()).as("another enterprise's record is out of scope").isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // A forged internal token next to the key changes nothing: the gateway replaces it.
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl()
                + "/api/v1/enterprises/" + shenzhen)).header("X-Api-Key", wuhanKey)
                .header("Authorization", "Bearer " + org.fugong.devstack.DevJwt.as("ADMIN").issuer("https://gateway.fugong").audience("registry").signedWithForeignKey().token()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);

        String hubei = issue(Map.of("name", "hubei portal", "role", "AUTHORITY", "region_scope", "42"));
        JsonNode listed = JSON.readTree(get(hubei, "/api/v1/enterprises?limit=100").body());
        List<String> ids = listed.get("items").findValuesAsText("id");
        assertThat(ids).contains(wuhan.toString()).doesNotContain(shenzhen.toString());
        assertThat(get(hubei, "/api/v1/enterprises/" + shenzhen).statusCode()).isEqualTo(404);

        // Without any key the registry's records are closed; its public statistics are open.
        assertThat(get(null, "/api/v1/enterprises/" + wuhan).statusCode()).isEqualTo(401);
        assertThat(get(null, "/api/v1/stats/resumption").statusCode()).isEqualTo(200);
    }

    private static UUID register(String name, String county, int n) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "ENTERPRISE");
        body.put("name", name);
        body.put("uscc", DemoData.uscc(county, n));
        body.put("region_code", county);
        body.put("industry", "MEDICAL_SUPPLIES");
        body.put("ownership", "PRIVATE");
        body.put("employees", 120);
        body.put("annual_revenue", "30000000.00");
        body.put("contact", Map.of("name", "李经理", "phone", "13800009999"));
        return UUID.fromString(admin.post("/api/v1/enterprises", body).get("id").asText());
    }

    private static String issue(Map<String, String> key) throws Exception {
        return admin.post("/admin/api-keys", key).get("api_key").asText();
    }

    private static HttpResponse<String> get(String apiKey, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
