package org.fugong.logistics.code;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.logistics.code.PassCodeVerifier.Outcome;
import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The QR image holds the pass's code, and the public key set alone verifies it. */
@QuarkusTest
@LogisticsTest
class PassQrCodeTest {

    static String publishedKeys() {
        // Public: no token at all.
        return given().get("/api/v1/green-passes/keys").then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=300"))
                .body("keys", hasSize(1)).body("keys[0].kty", org.hamcrest.Matchers.equalTo("EC"))
                .body("keys[0].crv", org.hamcrest.Matchers.equalTo("P-256"))
                .body("keys[0].alg", org.hamcrest.Matchers.equalTo("ES256"))
                .body("keys[0].d", org.hamcrest.Matchers.nullValue())
                .extract().asString();
    }

    @Test
    void theQrImageDecodesToThePassCodeWhichThePublishedKeySetVerifies() throws Exception {
        UUID enterprise = RegistryFeed.essentialEnterprise("330106");
        String token = Api.enterprise(enterprise);
        ExtractableResponse<Response> pass = Api.as(token).body(Api.pass()).post("/api/v1/green-passes").then()
                .statusCode(201).extract();
        byte[] png = given().auth().oauth2(token).accept("image/png")
                .get("/api/v1/green-passes/" + pass.path("id") + "/qr.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        String decoded = QrImagesTest.decode(png);
        assertThat(decoded).isEqualTo(pass.<String>path("code"));

        PassCodeVerifier.Result result = new PassCodeVerifier(publishedKeys(), Clock.systemUTC()).verify(decoded);
        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.claims().number()).isEqualTo(pass.<String>path("number"));
        assertThat(result.claims().plate()).isEqualTo("浙A12345");
        assertThat(result.claims().route()).isEqualTo(List.of("330106", "420000", "420102"));
        ZoneId china = ZoneId.of("Asia/Shanghai");
        assertThat(result.claims().validFrom()).isEqualTo(Api.today().atStartOfDay(china).toInstant());
        assertThat(result.claims().validUntil())
                .isEqualTo(LocalDate.parse(pass.path("valid_until")).plusDays(1).atStartOfDay(china).toInstant());
        assertThat(pass.<String>path("key_id")).isEqualTo(EcKeys.keyId(
                (java.security.interfaces.ECPublicKey) org.jose4j.jwk.JsonWebKeySet.class.cast(
                        new org.jose4j.jwk.JsonWebKeySet(publishedKeys())).getJsonWebKeys().get(0).getKey()));
    }

    @Test
    void aPassApprovedAfterReviewGetsAVerifiableCodeAndImage() throws Exception {
        UUID enterprise = RegistryFeed.organisation("330106", "ACTIVE", "STANDARD", false);
        String id = Api.as(Api.enterprise(enterprise)).body(Api.pass()).post("/api/v1/green-passes").then()
                .statusCode(201).extract().path("id");
        String code = Api.as(TestJwt.authority("33")).body(Map.of("outcome", "APPROVED", "reason", "checked"))
                .put("/api/v1/green-passes/" + id + "/decision").then().statusCode(200).extract().path("code");
        byte[] png = given().auth().oauth2(TestJwt.authority("42")).accept("image/png")
                .get("/api/v1/green-passes/" + id + "/qr.png").then().statusCode(200).extract().asByteArray();
        assertThat(QrImagesTest.decode(png)).isEqualTo(code);
        assertThat(new PassCodeVerifier(publishedKeys(), Clock.systemUTC()).verify(code).outcome())
                .isEqualTo(Outcome.VALID);
    }
}
