package org.fugong.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.fugong.gateway.support.ApiKeysForTests;
import org.fugong.gateway.support.GatewayTestResources;
import org.fugong.gateway.support.UntrustedSigningKey;
import org.fugong.testing.TestJwt;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * A gateway restarted with a new signing key and the old public key listed as previous: tokens the
 * old key signed just before (still in flight) verify against the published key set, as a service
 * reading the JWKS would verify them, and so do the new ones.
 */
@QuarkusTest
@GatewayTestResources
@TestProfile(KeyRotationTest.Rotated.class)
class KeyRotationTest {

    static final KeyPair OLD = TestJwt.newKeyPair();
    static final KeyPair NEW = TestJwt.newKeyPair();

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path dir = Files.createTempDirectory("fugong-rotation");
                Path signing = dir.resolve("new-private.pem");
                Files.writeString(signing, pem("PRIVATE KEY", NEW.getPrivate().getEncoded()));
                Path previous = dir.resolve("old-public.pem");
                Files.writeString(previous, pem("PUBLIC KEY", OLD.getPublic().getEncoded()));
                return Map.of("fugong.gateway.jwt.private-key-location", signing.toString(),
                        "fugong.gateway.jwt.previous-public-key-locations", previous.toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void tokensSignedBeforeAndAfterTheRotationBothVerifyAgainstThePublishedKeys() throws Exception {
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();
        // Verified as the registry verifies them: its own audience only.
        JwtConsumer service = new JwtConsumerBuilder().setExpectedIssuer("https://gateway.fugong").setExpectedAudience("registry")
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setRequireExpirationTime().build();

        String inFlight = Jwt.issuer("https://gateway.fugong").audience("registry").subject("client:before-rotation").groups("READER")
                .expiresAt(Instant.now().plusSeconds(30)).jws().keyId(InternalTokens.keyId(OLD.getPublic()))
                .sign(OLD.getPrivate());
        assertThat(service.processToClaims(inFlight).getSubject()).isEqualTo("client:before-rotation");

        String bearer = given().header("X-Api-Key", ApiKeysForTests.issue("READER", null, null))
                .get("/api/v1/stats/resumption").then().statusCode(200).extract().jsonPath()
                .getString("headers.authorization");
        String fresh = bearer.substring("Bearer ".length());
        assertThat(service.processToClaims(fresh).getStringListClaimValue("groups")).containsExactly("READER");
        String header = new String(Base64.getUrlDecoder().decode(fresh.split("\\.")[0]));
        assertThat(header).contains(InternalTokens.keyId(NEW.getPublic()));

        // A key that was never published does not verify.
        String stranger = Jwt.issuer("https://gateway.fugong").audience("registry").subject("x").expiresAt(Instant.now().plusSeconds(30))
                .jws().keyId(InternalTokens.keyId(OLD.getPublic())).sign(UntrustedSigningKey.privateKey());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.processToClaims(stranger))
                .isInstanceOf(org.jose4j.jwt.consumer.InvalidJwtException.class);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

}
