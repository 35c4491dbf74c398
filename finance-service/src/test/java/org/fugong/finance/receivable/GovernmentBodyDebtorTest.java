package org.fugong.finance.receivable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Claims;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A government body owes receivables too; its people act with an AUTHORITY key naming it (the
 * gateway's org_id on authority keys). Enterprises keep answering with their ENTERPRISE keys.
 */
@QuarkusTest
@FinanceTest
class GovernmentBodyDebtorTest {

    static final Map<String, String> CONFIRM = Map.of("decision", "CONFIRM");

    @Test
    void aGovernmentBodyConfirmsWithItsAuthorityKeyAndSeesOnlyWhatItOwes() {
        Known creditor = RegistryFeed.sme();
        Known body = Claims.governmentBody("420102");
        String owed = Api.recorded(creditor.id(), body.uscc(), "88000.00");
        String unrelated = Api.recorded(creditor.id(), RegistryFeed.large().uscc(), "1.00");
        String official = Claims.government(body);
        Api.as(official).get("/api/v1/receivables/" + owed).then().statusCode(200);
        List<String> listed = Api.as(official).queryParam("limit", 100).get("/api/v1/receivables").then().statusCode(200)
                .extract().path("items.id");
        assertThat(listed).containsExactly(owed);
        ProblemAssertions.problem(Api.as(official).get("/api/v1/receivables/" + unrelated).then(), 404);
        Api.as(official).body(CONFIRM).put("/api/v1/receivables/" + owed + "/decision").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        Api.as(official).get("/api/v1/receivables/" + owed + "/pledge").then().statusCode(200)
                .body("pledged", equalTo(false));
    }

    @Test
    void anEnterpriseKeyForAGovernmentBodyAndARegionalAuthorityKeyAreRefused() {
        Known creditor = RegistryFeed.sme();
        Known body = Claims.governmentBody("420102");
        String id = Api.recorded(creditor.id(), body.uscc(), "100.00");
        // The stop-gap before AUTHORITY keys could name a body: it still sees, but no longer answers.
        ProblemAssertions.problem(Api.as(Api.enterprise(body.id())).body(CONFIRM)
                .put("/api/v1/receivables/" + id + "/decision").then(), 403)
                .body("detail", containsString("a key of role AUTHORITY"));
        // An authority by region only sees no receivable at all, not even in its region.
        String regional = TestJwt.authority("42");
        ProblemAssertions.problem(Api.as(regional).get("/api/v1/receivables/" + id).then(), 404);
        ProblemAssertions.problem(Api.as(regional).body(CONFIRM).put("/api/v1/receivables/" + id + "/decision").then(), 404);
        Api.as(regional).get("/api/v1/receivables").then().statusCode(200).body("items.size()", equalTo(0));
        // An AUTHORITY key naming an enterprise debtor does not speak for it.
        Known large = RegistryFeed.large();
        String fromLarge = Api.recorded(creditor.id(), large.uscc(), "100.00");
        ProblemAssertions.problem(Api.as(TestJwt.as("AUTHORITY").orgId(large.id()).regionScope("11").token()).body(CONFIRM)
                .put("/api/v1/receivables/" + fromLarge + "/decision").then(), 403);
        Api.as(Api.enterprise(large.id())).body(CONFIRM).put("/api/v1/receivables/" + fromLarge + "/decision").then()
                .statusCode(200);
        ProblemAssertions.problem(Api.as(TestJwt.as("AUTHORITY").orgId(UUID.randomUUID()).regionScope("42").token())
                .get("/api/v1/receivables/" + id).then(), 404);
    }
}
