package org.fugong.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The real services behind the real gateway, as the run command starts them (the shared
 * {@link RunningSuite}): the scope in an API key reaches the service through the internal JWT, so
 * an enterprise's key cannot read another enterprise's record and an authority sees only its
 * region; and the gateway reaches every service it routes to.
 */
@CrossServiceTest
class ThroughTheGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final RunningSuite suite;
    private final RestClient admin;

    ThroughTheGatewayTest(RunningSuite suite) {
        this.suite = suite;
        this.admin = suite.admin();
    }

    @Test
    void theGatewayReachesEveryService() throws Exception {
        JsonNode health = JSON.readTree(get(null, "/health").body());
        assertThat(health.get("status").asText()).as(health.toString()).isEqualTo("UP");
        for (String service : List.of("registry", "supply", "logistics", "finance")) {
            assertThat(health.path("upstreams").path(service).asText()).as(service + " in " + health).isEqualTo("UP");
        }
    }

    /**
     * Every path the services document (the gateway's merged OpenAPI is made of their own
     * documents) is routed to its service by the gateway's real configuration: none is answered by
     * the gateway's "no service serves" 404. And the pass keys and the revocation list, which a
     * handheld fetches without any credential, are open.
     */
    @Test
    void everyDocumentedPathReachesItsServiceAndThePublicOnesNeedNoKey() throws Exception {
        String adminKey = issue(Map.of("name", "route prober", "role", "ADMIN"));
        JsonNode paths = JSON.readTree(get(null, "/openapi").body()).get("paths");
        List<String> probed = new java.util.ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/v1/")) {
                probed.add(path);
            }
        });
        assertThat(probed).as("the merged document holds every service's paths").contains("/api/v1/enterprises",
                "/api/v1/supply-offers", "/api/v1/charter-trips/{id}/dispatch", "/api/v1/policy-matches");
        for (String path : probed) {
            String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            HttpResponse<String> answer = get(adminKey, concrete);
            assertThat(answer.body()).as("GET " + concrete + " answered " + answer.statusCode())
                    .doesNotContain("No service serves");
            assertThat(answer.statusCode()).as("GET " + concrete).isLessThan(500);
        }
        assertThat(get(null, "/api/v1/green-passes/keys").statusCode()).isEqualTo(200);
        assertThat(get(null, "/api/v1/green-passes/revocations?since=0").statusCode()).isEqualTo(200);
    }

    @Test
    void anEnterpriseKeyReachesItsOwnRecordAndNoOneElses() throws Exception {
        UUID wuhan = register("武汉网关测试医疗用品有限公司", "420102");
        UUID shenzhen = register("深圳网关测试电子有限公司", "440305");
        String wuhanKey = issue(Map.of("name", "wuhan app", "role", "ENTERPRISE", "org_id", wuhan.toString()));

        assertThat(get(wuhanKey, "/api/v1/enterprises/" + wuhan).statusCode()).isEqualTo(200);
        HttpResponse<String> other = get(wuhanKey, "/api/v1/enterprises/" + shenzhen);
        assertThat(other.statusCode()).as("another enterprise's record is out of scope").isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        // A forged internal token next to the key changes nothing: the gateway replaces it.
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl()
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

    private UUID register(String name, String county) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "ENTERPRISE");
        body.put("name", name);
        body.put("uscc", suite.uscc(county));
        body.put("region_code", county);
        body.put("industry", "MEDICAL_SUPPLIES");
        body.put("ownership", "PRIVATE");
        body.put("employees", 120);
        body.put("annual_revenue", "30000000.00");
        body.put("contact", Map.of("name", "李经理", "phone", "13800009999"));
        return UUID.fromString(admin.post("/api/v1/enterprises", body).get("id").asText());
    }

    private String issue(Map<String, String> key) throws Exception {
        return admin.post("/admin/api-keys", key).get("api_key").asText();
    }

    private HttpResponse<String> get(String apiKey, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
