package org.fugong.supply.api;

import static org.hamcrest.Matchers.equalTo;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway names the service each internal token is for; supply takes only its own. And an
 * endpoint without a security annotation is refused rather than open.
 */
@QuarkusTest
@SupplyTest
class SecurityDefaultsTest {

    @Test
    void anEndpointSomeoneForgotToAnnotateIsClosedNotOpen() {
        org.assertj.core.api.Assertions.assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class)).isTrue();
    }

    @Test
    void aTokenMintedForTheRegistryIsRefused() {
        Api.as(TestJwt.as("ADMIN").audience("registry").token()).get("/api/v1/supply-requests").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aTokenForSupplyIsAccepted() {
        Api.as(TestJwt.as("ADMIN").audience("supply").token()).get("/api/v1/supply-requests").then().statusCode(200);
    }
}
