package org.fugong.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.gateway.support.InternalJwtClaims;
import org.fugong.gateway.support.StandInServers;
import org.fugong.gateway.support.UntrustedSigningKey;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Bearer tokens from the OIDC issuer stand-in, verified against the keys it publishes. */
@QuarkusTest
@GatewayTestResources
class OidcTest {

    private static JwtClaimsBuilder token(List<String> roles) {
        Instant now = Instant.now();
        return Jwt.issuer(StandInServers.OIDC_ISSUER).audience(StandInServers.OIDC_AUDIENCE)
                .subject("user-" + UUID.randomUUID()).claim("realm_access", Map.of("roles", roles)).issuedAt(now)
                .expiresAt(now.plusSeconds(300));
    }

    private static String sign(JwtClaimsBuilder claims) {
        return sign(claims, StandInServers.OIDC_KEYS.getPrivate());
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(StandInServers.OIDC_KEY_ID).sign(key);
    }

    @Test
    void aValidTokenIsMappedToRolesAndScopeInTheInternalToken() {
        String bearer = sign(token(List.of("fugong-authority", "offline_access")).claim("region_scope", "4201"));
        JsonPath echo = given().auth().oauth2(bearer).get("/api/v1/enterprises?region=4201").then().statusCode(200)
                .extract().jsonPath();
        JsonPath claims = InternalJwtClaims.of(echo.getString("headers.authorization"));
        assertThat(claims.getString("iss")).isEqualTo("https://gateway.fugong");
        assertThat(claims.getList("groups")).containsExactly("AUTHORITY");
        assertThat(claims.getString("region_scope")).isEqualTo("4201");
        assertThat(claims.getString("sub")).startsWith("oidc:user-");

        UUID org = UUID.randomUUID();
        String enterprise = sign(token(List.of("fugong-enterprise")).claim("org_id", org.toString()));
        JsonPath forwarded = given().auth().oauth2(enterprise).get("/api/v1/enterprises/" + org).then().statusCode(200)
                .extract().jsonPath();
        assertThat(InternalJwtClaims.of(forwarded.getString("headers.authorization")).getString("org_id"))
                .isEqualTo(org.toString());

        UUID body = UUID.randomUUID();
        String official = sign(token(List.of("fugong-authority")).claim("region_scope", "4201").claim("org_id",
                body.toString()));
        JsonPath asBody = InternalJwtClaims.of(given().auth().oauth2(official).get("/api/v1/arrears-claims").then()
                .statusCode(200).extract().jsonPath().getString("headers.authorization"));
        assertThat(asBody.getString("org_id")).isEqualTo(body.toString());
        assertThat(asBody.getString("region_scope")).isEqualTo("4201");
        assertThat(asBody.getList("groups")).containsExactly("AUTHORITY");
    }

    @Test
    void expiredWrongIssuerTamperedAndForeignKeyTokensAre401() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = sign(Jwt.issuer(StandInServers.OIDC_ISSUER).audience(StandInServers.OIDC_AUDIENCE).subject("u")
                .claim("roles", List.of("READER")).issuedAt(past).expiresAt(past.plusSeconds(60)));
        given().auth().oauth2(expired).get("/api/v1/enterprises").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("expired"));

        String otherIssuer = sign(token(List.of("READER")).issuer("https://evil.example"));
        given().auth().oauth2(otherIssuer).get("/api/v1/enterprises").then().statusCode(401)
                .body("detail", containsString("issuer"));

        String valid = sign(token(List.of("READER")));
        String[] parts = valid.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("READER", "ADMIN");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        given().auth().oauth2(tampered).get("/api/v1/enterprises").then().statusCode(401)
                .body("detail", containsString("signature"));

        // Signed by someone else's key under the issuer's key id.
        String foreign = sign(token(List.of("ADMIN")), UntrustedSigningKey.privateKey());
        given().auth().oauth2(foreign).get("/api/v1/enterprises").then().statusCode(401);

        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/enterprises").then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get("/api/v1/enterprises").then().statusCode(401)
                .header("WWW-Authenticate", "ApiKey, Bearer");
    }

    @Test
    void tokensWithoutAKnownRoleOrTheScopeTheirRoleNeedsAre403() {
        given().auth().oauth2(sign(token(List.of("offline_access")))).get("/api/v1/enterprises").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("no role"));
        given().auth().oauth2(sign(token(List.of("fugong-enterprise")))).get("/api/v1/enterprises").then()
                .statusCode(403).body("detail", containsString("org_id"));
        given().auth().oauth2(sign(token(List.of("fugong-authority")).claim("region_scope", "hubei")))
                .get("/api/v1/enterprises").then().statusCode(403).body("detail", containsString("region_scope"));
    }

    @Test
    void aTokenForAnotherAudienceOrWithoutOneIs401() {
        given().auth().oauth2(sign(token(List.of("fugong-authority")).claim("region_scope", "42").audience("canteen-app")))
                .get("/api/v1/enterprises").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("audience"));
        Instant now = Instant.now();
        String noAudience = sign(Jwt.issuer(StandInServers.OIDC_ISSUER).subject("u")
                .claim("realm_access", Map.of("roles", List.of("fugong-authority"))).claim("region_scope", "42")
                .issuedAt(now).expiresAt(now.plusSeconds(300)));
        given().auth().oauth2(noAudience).get("/api/v1/enterprises").then().statusCode(401)
                .body("detail", containsString("audience"));
    }

    @Test
    void anAuthorisedPartyMustBeTheAudienceOrAnAllowedClient() {
        String portal = sign(token(List.of("fugong-authority")).claim("region_scope", "42").claim("azp", "provincial-portal"));
        given().auth().oauth2(portal).get("/api/v1/enterprises").then().statusCode(200);
        String other = sign(token(List.of("fugong-authority")).claim("region_scope", "42").claim("azp", "canteen-app"));
        given().auth().oauth2(other).get("/api/v1/enterprises").then().statusCode(401)
                .body("detail", containsString("azp"));
    }

    @Test
    void aTokenForSeveralAudiencesMustNameItsClient() {
        String several = sign(token(List.of("fugong-authority")).claim("region_scope", "42")
                .audience(java.util.Set.of(StandInServers.OIDC_AUDIENCE, "canteen-app")));
        given().auth().oauth2(several).get("/api/v1/enterprises").then().statusCode(401)
                .body("detail", containsString("azp"));
        String named = sign(token(List.of("fugong-authority")).claim("region_scope", "42")
                .audience(java.util.Set.of(StandInServers.OIDC_AUDIENCE, "canteen-app")).claim("azp", "provincial-portal"));
        given().auth().oauth2(named).get("/api/v1/enterprises").then().statusCode(200);
    }

    @Test
    void aRoleThatMerelyHasOneOfOurNamesGetsNothing() {
        given().auth().oauth2(sign(token(List.of("ADMIN")))).get("/api/v1/enterprises").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("no role"));
    }

    @Test
    void theRateLimitTierIsNeverTakenFromTheToken() {
        // "partner" allows a burst of 1000; an OIDC caller stays in the default tier (100) whatever it claims.
        String bearer = sign(token(List.of("fugong-authority")).claim("region_scope", "42").claim("tier", "partner"));
        given().auth().oauth2(bearer).get("/api/v1/enterprises").then().statusCode(200)
                .header("RateLimit-Limit", "100");
    }

    @Test
    void aForgedInternalTokenIsNotTrusted() {
        // A token that looks like the gateway's own, signed by anyone else, is just a bad bearer token.
        String forged = Jwt.issuer("https://gateway.fugong").subject("admin").groups("ADMIN")
                .expiresAt(Instant.now().plusSeconds(60)).jws().sign(UntrustedSigningKey.privateKey());
        given().auth().oauth2(forged).get("/api/v1/enterprises").then().statusCode(401);
        given().auth().oauth2(forged).get("/api/v1/stats/resumption").then().statusCode(401)
                .body("status", equalTo(401));
    }
}
