package org.fugong.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.gateway.support.InternalJwtClaims;
import org.fugong.gateway.support.StandInServers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@GatewayTestResources
public class GatewayTest {

    @Test
    void everyPrefixReachesItsServiceWithAnInternalTokenInsteadOfTheKey() {
        String key = ApiKeysForTests.issue("AUTHORITY", null, "42");
        Map<String, String> expected = Map.of("/api/v1/enterprises?region=42", "registry", "/api/v1/regions/420000",
                "registry", "/api/v1/health-reports/compliance?date=2020-03-10", "registry", "/api/v1/stats/resumption",
                "registry", "/api/v1/supply-requests", "supply", "/api/v1/allocations/x", "supply",
                "/api/v1/supply-gaps", "supply", "/api/v1/matching-runs", "supply",
                "/api/v1/financing-applications?product=GUARANTEE", "finance", "/api/v1/lenders/x/review-queue", "finance");
        expected.forEach((path, service) -> {
            var response = given().header("X-Api-Key", key).get(path).then().extract();
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonPath echo = response.jsonPath();
            assertThat(echo.getString("service")).as(path).isEqualTo(service);
            assertThat(echo.getString("uri")).isEqualTo(path);
            assertThat(echo.getString("headers.x-api-key")).isNull();
            JsonPath claims = InternalJwtClaims.of(echo.getString("headers.authorization"));
            assertThat(claims.getString("iss")).isEqualTo("https://gateway.fugong");
            assertThat(claims.getString("aud")).as("the token names the service it is for").isEqualTo(service);
            assertThat(claims.getList("groups")).containsExactly("AUTHORITY");
            assertThat(claims.getString("region_scope")).isEqualTo("42");
        });
    }

    @Test
    void anAuthorityKeyMayActForItsGovernmentBodyAndTheInternalTokenSaysSo() {
        UUID body = UUID.randomUUID();
        var issued = given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "Wuhan finance bureau", "role", "AUTHORITY", "org_id", body.toString(),
                        "region_scope", "4201"))
                .post("/admin/api-keys").then().statusCode(201).body("org_id", equalTo(body.toString()))
                .body("region_scope", equalTo("4201")).extract();
        for (String path : List.of("/api/v1/arrears-claims", "/api/v1/receivables", "/api/v1/policies",
                "/api/v1/policy-matches?enterprise_id=" + body)) {
            JsonPath echo = given().header("X-Api-Key", issued.<String>path("api_key")).get(path).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(echo.getString("service")).as(path).isEqualTo("finance");
            JsonPath claims = InternalJwtClaims.of(echo.getString("headers.authorization"));
            assertThat(claims.getList("groups")).containsExactly("AUTHORITY");
            assertThat(claims.getString("org_id")).isEqualTo(body.toString());
            assertThat(claims.getString("region_scope")).isEqualTo("4201");
        }
        // Without one an authority's key stays regional only; roles that never act for an organisation drop it.
        String regional = ApiKeysForTests.issue("AUTHORITY", null, "42");
        JsonPath echo = given().header("X-Api-Key", regional).get("/api/v1/arrears-claims").then().statusCode(200)
                .extract().jsonPath();
        assertThat(InternalJwtClaims.of(echo.getString("headers.authorization")).getString("org_id")).isNull();
        given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "a reader", "role", "READER", "org_id", body.toString())).post("/admin/api-keys")
                .then().statusCode(201).body("org_id", nullValue());
    }

    @Test
    void forgedHeadersAreReplaced() {
        UUID org = UUID.randomUUID();
        String key = ApiKeysForTests.issue("ENTERPRISE", org, null);
        JsonPath echo = given().header("X-Api-Key", key).header("Authorization", "Bearer forged.token.here")
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .get("/api/v1/enterprises/" + org).then().statusCode(200).extract().jsonPath();
        assertThat(echo.getString("headers.authorization")).startsWith("Bearer ey");
        assertThat(InternalJwtClaims.of(echo.getString("headers.authorization")).getString("org_id")).isEqualTo(org.toString());
        assertThat(echo.getString("headers.x-forwarded-for")).isNotEqualTo("6.6.6.6");
        assertThat(echo.getString("headers.x-forwarded-host")).isNotEqualTo("evil.example");
        assertThat(echo.getString("headers.x-request-id")).isNotBlank();
    }

    @Test
    void missingUnknownAndRevokedKeysAre401() {
        given().get("/api/v1/enterprises").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "ApiKey, Bearer").body("status", equalTo(401));
        given().header("X-Api-Key", "fg_nonsense").get("/api/v1/enterprises").then().statusCode(401);
        // A wrong key is refused even where no key is needed: the client should learn its key is bad.
        given().header("X-Api-Key", "fg_nonsense").get("/api/v1/regions").then().statusCode(401);
        String key = ApiKeysForTests.issue("READER", null, null);
        given().header("X-Api-Key", key).get("/api/v1/stats/resumption").then().statusCode(200);
        given().header("X-Api-Key", key + "x").get("/api/v1/stats/resumption").then().statusCode(401);
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        var issued = given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "to revoke", "role", "READER")).post("/admin/api-keys").then().statusCode(201)
                .extract();
        String key = issued.path("api_key");
        given().header("X-Api-Key", key).get("/api/v1/regions").then().statusCode(200);
        given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).delete("/admin/api-keys/" + issued.path("id"))
                .then().statusCode(204);
        given().header("X-Api-Key", key).get("/api/v1/regions").then().statusCode(401);
    }

    @Test
    void unknownPathsAre404AndTheKeysApiIsForAdministrators() {
        String reader = ApiKeysForTests.issue("READER", null, null);
        given().header("X-Api-Key", reader).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Api-Key", reader).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "ADMIN")).post("/admin/api-keys").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "ADMIN")).post("/admin/api-keys").then()
                .statusCode(401).header("WWW-Authenticate", "ApiKey");
        given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "ENTERPRISE")).post("/admin/api-keys").then().statusCode(400)
                .body("errors[0].field", equalTo("org_id"));
        given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "EMPEROR")).post("/admin/api-keys").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
    }

    @Test
    void aLargeBodyStreamsThroughAndAnOversizedOneIs413() {
        String key = ApiKeysForTests.issue("ADMIN", null, null);
        byte[] large = new byte[900 * 1024];
        java.util.Arrays.fill(large, (byte) 'a');
        given().header("X-Api-Key", key).contentType(ContentType.BINARY).body(large).post("/api/v1/enterprises").then()
                .statusCode(200).body("body_length", equalTo(large.length)).body("method", equalTo("POST"));
        given().header("X-Api-Key", key).contentType(ContentType.BINARY).body(new byte[2 * 1024 * 1024])
                .post("/api/v1/enterprises").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void corsPreflightsAreAnsweredForConfiguredOriginsOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "X-Api-Key,Content-Type").options("/api/v1/supply-requests")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000");
        String allowed = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/supply-requests").then().extract().header("Access-Control-Allow-Origin");
        assertThat(allowed).isNotEqualTo("https://evil.example");
    }

    @Test
    void healthShowsEachUpstreamAndIsUnavailableWhileOneIsDown() {
        given().get("/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("upstreams.registry", equalTo("UP")).body("upstreams.logistics", equalTo("UP"));
        StandInServers.stopLogistics();
        try {
            given().get("/health").then().statusCode(503).body("status", equalTo("DOWN"))
                    .body("upstreams.registry", equalTo("UP")).body("upstreams.supply", equalTo("UP"))
                    .body("upstreams.logistics", equalTo("DOWN"));
        } finally {
            StandInServers.startLogistics();
        }
    }

    @Test
    void publicPathsNeedNoKeyAndAreForwardedAsAnAnonymousReader() {
        JsonPath echo = given().get("/api/v1/supply-items?q=mask").then().statusCode(200).extract().jsonPath();
        JsonPath claims = InternalJwtClaims.of(echo.getString("headers.authorization"));
        assertThat(claims.getList("groups")).containsExactly("READER");
        // One identity for every anonymous address: signed once per service, never per address.
        assertThat(claims.getString("sub")).isEqualTo("anonymous");
        given().get("/api/v1/stats/resumption").then().statusCode(200);
        // Only the configured methods and prefixes are open.
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/supply-items").then().statusCode(401);
        given().get("/api/v1/statsx").then().statusCode(404);
        given().get("/api/v1/supply-offers").then().statusCode(401);
    }

    @Test
    void keysAreListedWithoutTheKeyAndWithWhenTheyWereLastUsed() {
        var issued = given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "listed", "role", "READER", "tier", "partner")).post("/admin/api-keys").then()
                .statusCode(201).body("tier", equalTo("partner")).extract();
        String id = issued.path("id");
        given().header("X-Api-Key", (String) issued.path("api_key")).get("/api/v1/stats/resumption").then().statusCode(200);
        long deadline = System.currentTimeMillis() + 15_000;
        Map<String, Object> listed = null;
        while (System.currentTimeMillis() < deadline) {
            listed = listedKey(id);
            if (listed != null && listed.get("last_used_at") != null) {
                break;
            }
        }
        assertThat(listed).isNotNull().containsEntry("name", "listed").containsEntry("tier", "partner")
                .doesNotContainKey("api_key").doesNotContainKey("key_hash");
        assertThat(listed.get("last_used_at")).as("last use recorded within the refresh interval").isNotNull();
        assertThat((String) listed.get("key_prefix")).isEqualTo(((String) issued.path("api_key")).substring(0, 8));
        given().header("X-Api-Key", ApiKeysForTests.issue("READER", null, null)).get("/admin/api-keys").then().statusCode(403);
        given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).get("/admin/api-keys?limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "READER", "tier", "platinum")).post("/admin/api-keys").then()
                .statusCode(400).body("errors[0].field", equalTo("tier"));
    }

    @Test
    void whoIssuedAndWhoRevokedEachKeyIsRecordedAndListed() {
        var second = given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "second admin", "role", "ADMIN")).post("/admin/api-keys").then().statusCode(201)
                .extract();
        String secondAdmin = second.path("api_key");
        String issued = given().header("X-Api-Key", secondAdmin).contentType(ContentType.JSON)
                .body(Map.of("name", "audited", "role", "READER")).post("/admin/api-keys").then().statusCode(201)
                .extract().path("id");
        assertThat(listedKey(issued, false)).containsEntry("issued_by", second.path("id")).doesNotContainKey("revoked_by");
        given().header("X-Api-Key", secondAdmin).delete("/admin/api-keys/" + issued).then().statusCode(204);
        assertThat(listedKey(issued, false)).as("revoked keys are not listed by default").isNull();
        Map<String, Object> revoked = listedKey(issued, true);
        assertThat(revoked).containsEntry("issued_by", second.path("id")).containsEntry("revoked_by", second.path("id"));
        assertThat(revoked.get("revoked_at")).isNotNull();
        given().header("X-Api-Key", secondAdmin).get("/admin/api-keys?revoked=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("revoked"));
    }

    private static Map<String, Object> listedKey(String id) {
        return listedKey(id, false);
    }

    /** Walks the keyset pages of the key list to find one key. */
    private static Map<String, Object> listedKey(String id, boolean revoked) {
        String cursor = null;
        do {
            var page = given().header("X-Api-Key", ApiKeysForTests.ADMIN_KEY).queryParam("limit", 100)
                    .queryParam("revoked", revoked)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor)).get("/admin/api-keys").then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (id.equals(item.get("id"))) {
                    return item;
                }
            }
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return null;
    }

    @Test
    void forwardedTokensVerifyWithThePublishedKey() throws Exception {
        JsonPath jwks = given().get("/.well-known/jwks.json").then().statusCode(200).body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256")).body("keys[0].d", nullValue()).extract().jsonPath();
        java.util.Base64.Decoder url = java.util.Base64.getUrlDecoder();
        java.security.PublicKey key = java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(new java.math.BigInteger(1, url.decode(jwks.getString("keys[0].n"))),
                        new java.math.BigInteger(1, url.decode(jwks.getString("keys[0].e")))));
        String token = given().header("X-Api-Key", ApiKeysForTests.issue("READER", null, null)).get("/api/v1/stats/resumption").then()
                .extract().jsonPath().getString("headers.authorization").substring("Bearer ".length());
        String[] parts = token.split("\\.");
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(rsa.verify(url.decode(parts[2]))).isTrue();
        assertThat(InternalJwtClaims.of("Bearer " + token).getLong("exp") - InternalJwtClaims.of("Bearer " + token).getLong("iat")).isEqualTo(60);
    }
}
