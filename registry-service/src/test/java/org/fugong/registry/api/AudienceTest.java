package org.fugong.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.ProblemAssertions.problem;

import jakarta.inject.Inject;

import org.fugong.platform.security.RememberedTokens;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;

/** The gateway names the service each internal token is for; the registry takes only its own. */
@QuarkusTest
@RegistryTest
class AudienceTest {

    @Inject
    JWTParser parser;

    /** Tokens are checked by the platform's remembering parser, and one refused stays refused when sent again. */
    @Test
    void aRefusedTokenIsRefusedAgainByTheRememberingParser() {
        assertThat(parser).isInstanceOf(RememberedTokens.class);
        String forSupply = TestJwt.as("ADMIN").audience("supply").token();
        problem(Api.as(forSupply).get("/api/v1/enterprises").then(), 401);
        problem(Api.as(forSupply).get("/api/v1/enterprises").then(), 401);
        String forRegistry = TestJwt.as("ADMIN").audience("registry").token();
        Api.as(forRegistry).get("/api/v1/enterprises").then().statusCode(200);
        Api.as(forRegistry).get("/api/v1/enterprises").then().statusCode(200);
    }

    @Test
    void aTokenMintedForSupplyIsRefused() {
        problem(Api.as(TestJwt.as("ADMIN").audience("supply").token()).get("/api/v1/enterprises").then(), 401);
    }

    @Test
    void aTokenNamingNoServiceIsRefused() {
        // "aud" present but naming nothing of ours, as a token from any other issuer of this key would.
        problem(Api.as(TestJwt.as("ADMIN").audience("gateway").token()).get("/api/v1/enterprises").then(), 401);
    }

    @Test
    void aTokenForTheRegistryIsAccepted() {
        Api.as(TestJwt.as("ADMIN").audience("registry").token()).get("/api/v1/enterprises").then().statusCode(200);
        Api.as(TestJwt.as("ADMIN").audience("supply", "registry").token()).get("/api/v1/enterprises").then()
                .statusCode(200);
    }
}
