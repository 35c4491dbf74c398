package org.fugong.finance.api;

import static org.hamcrest.Matchers.equalTo;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.FinanceTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway names the service each internal token is for; finance takes only its own. And an
 * endpoint without a security annotation is refused rather than open.
 */
@QuarkusTest
@FinanceTest
class SecurityDefaultsTest {

    @Test
    void anEndpointSomeoneForgotToAnnotateIsClosedNotOpen() {
        org.assertj.core.api.Assertions.assertThat(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class)).isTrue();
    }

    @Test
    void aTokenMintedForSupplyIsRefused() {
        Api.as(TestJwt.as("ADMIN").audience("supply").token()).get("/api/v1/receivables").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aTokenForFinanceIsAccepted() {
        Api.as(TestJwt.as("ADMIN").audience("finance").token()).get("/api/v1/receivables").then().statusCode(200);
    }
}
