package org.fugong.registry.api;

import static org.fugong.testing.ProblemAssertions.problem;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The gateway names the service each internal token is for; the registry takes only its own. */
@QuarkusTest
@RegistryTest
class AudienceTest {

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
