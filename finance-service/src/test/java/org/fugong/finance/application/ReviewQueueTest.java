package org.fugong.finance.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.finance.support.Api;
import org.fugong.finance.support.Applications;
import org.fugong.finance.support.FinanceTest;
import org.fugong.finance.support.RegistryFeed;
import org.fugong.finance.support.RegistryFeed.Known;
import org.fugong.testing.ProblemAssertions;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** A lender's review queue: ordered by the priority score, every factor shown, keyset-paged, its own only. */
@QuarkusTest
@FinanceTest
class ReviewQueueTest {

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return ProblemAssertions.problem(response, status);
    }

    static String queue(Known bank) {
        return "/api/v1/lenders/" + bank.id() + "/review-queue";
    }

    static Map<String, Object> withDays(Map<String, Object> body, int days) {
        body.put("days_of_cash_left", days);
        return body;
    }

    @Test
    void theMostUrgentComeFirstWithTheirPointsAndPagesContinueAfterTheLastScoreAndId() {
        Known bank = RegistryFeed.lender();
        Known other = RegistryFeed.lender();
        // 30 + 25 + 20 + 10 + 20 + 15 = 120: a Hubei micro maker of protective gear on the white list, out of cash.
        Known hubeiMaker = RegistryFeed.organisation("ENTERPRISE", "MICRO", "420102", "ACTIVE",
                Map.of("industry", "PROTECTIVE_GEAR", "key_enterprise", true));
        // 30 + 25 + 14 = 69: the registry's example, a small medical-supply maker in Zhejiang, 9 days of cash.
        Known zhejiangMaker = RegistryFeed.sme();
        Known twin = RegistryFeed.sme();
        // 0: a medium textile firm with months of cash.
        Known textiles = RegistryFeed.organisation("ENTERPRISE", "MEDIUM", "330106", "ACTIVE",
                Map.of("industry", "TEXTILES", "priority_tier", "STANDARD"));
        String low = Applications.submitted(textiles.id(), withDays(Applications.workingCapital("10.00", bank.id()), 90));
        String mid = Applications.submitted(zhejiangMaker.id(), Applications.workingCapital("10.00", bank.id(), other.id()));
        String midTwin = Applications.submitted(twin.id(), Applications.workingCapital("10.00", bank.id()));
        String high = Applications.submitted(hubeiMaker.id(), withDays(Applications.workingCapital("10.00", bank.id()), 0));
        Applications.submitted(hubeiMaker.id(), withDays(Applications.workingCapital("10.00", other.id()), 0));

        JsonPath first = Api.as(Applications.lender(bank.id())).queryParam("limit", 2).get(queue(bank)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.application_id")).containsExactly(high, mid);
        assertThat(first.getList("items.priority.score")).containsExactly(120, 69);
        assertThat(first.getList("items[0].priority.factors.points")).containsExactly(30, 25, 20, 10, 20, 15);
        assertThat(first.getList("items[0].priority.factors.factor")).containsExactly("ESSENTIAL_TIER",
                "MEDICAL_SUPPLY_MAKER", "KEY_ENTERPRISE", "MICRO_SIZE", "DAYS_OF_CASH_LEFT", "HUBEI");
        assertThat(first.getString("items[0].applicant_name")).isNotBlank();
        assertThat(first.getString("items[0].lender_status")).isEqualTo("PENDING");
        JsonPath second = Api.as(Applications.lender(bank.id())).queryParam("limit", 2)
                .queryParam("cursor", first.getString("next_cursor")).get(queue(bank)).then().statusCode(200)
                .extract().jsonPath();
        // Equal scores in the order submitted (ids are time-ordered).
        assertThat(second.getList("items.application_id")).containsExactly(midTwin, low);
        assertThat(second.getList("items.priority.score")).containsExactly(69, 0);
        assertThat(second.getString("next_cursor")).isNull();
        // The other lender's queue has its own applications only.
        List<String> others = Api.as(Applications.lender(other.id())).get(queue(other)).then().statusCode(200)
                .extract().jsonPath().getList("items.application_id");
        assertThat(others).hasSize(2).contains(mid).doesNotContain(high, low, midTwin);
    }

    @Test
    void anApplicationLeavesTheQueueOnceTheLendersAnswerIsApproved() {
        Known bank = RegistryFeed.lender();
        Known sme = RegistryFeed.sme();
        String offered = Applications.submitted(sme.id(), Applications.workingCapital("1000.00", bank.id()));
        String refused = Applications.submitted(sme.id(), Applications.workingCapital("1000.00", bank.id()));
        String maker = Applications.lender(bank.id());
        Applications.startReview(offered, maker);
        Api.as(maker).body(Applications.offer("1000.00", "3.15", 12, "EQUAL_INSTALMENTS"))
                .put(Applications.PATH + "/" + offered + "/recommendation").then().statusCode(200);
        // Recommended, awaiting its checker: still the lender's to finish.
        Api.as(maker).get(queue(bank)).then().body("items.application_id", hasItem(offered))
                .body("items.find { it.application_id == '" + offered + "' }.lender_status", equalTo("RECOMMENDED"));
        Api.as(Applications.lender(bank.id())).body(Map.of("decision", "APPROVE"))
                .put(Applications.PATH + "/" + offered + "/approval").then().statusCode(200);
        Applications.refused(refused, bank.id(), "no");
        Api.as(maker).get(queue(bank)).then().body("items.application_id", not(hasItem(offered)))
                .body("items.application_id", not(hasItem(refused)));
    }

    @Test
    void aQueueIsItsLendersOwnAndAdministratorsAnyoneElsesIsOutOfScope() {
        Known bank = RegistryFeed.lender();
        Known other = RegistryFeed.lender();
        Known sme = RegistryFeed.sme();
        Applications.submitted(sme.id(), Applications.workingCapital("10.00", bank.id()));
        Api.as(TestJwt.admin()).get(queue(bank)).then().statusCode(200).body("items.size()", equalTo(1));
        problem(Api.as(Applications.lender(other.id())).get(queue(bank)).then(), 404);
        problem(Api.as(Applications.lender(UUID.randomUUID())).get("/api/v1/lenders/" + UUID.randomUUID()
                + "/review-queue").then(), 404);
        // A non-lender organisation has no queue, even for administrators.
        problem(Api.as(TestJwt.admin()).get("/api/v1/lenders/" + sme.id() + "/review-queue").then(), 404);
        problem(Api.as(Api.enterprise(bank.id())).get(queue(bank)).then(), 403);
        problem(Api.as(TestJwt.authority("42")).get(queue(bank)).then(), 403);
        problem(Api.as(Applications.lender(bank.id())).queryParam("cursor", "nope").get(queue(bank)).then(), 400)
                .body("errors[0].field", equalTo("cursor"));
        problem(Api.as(Applications.lender(bank.id())).queryParam("limit", 101).get(queue(bank)).then(), 400)
                .body("errors[0].field", equalTo("limit"));
        List<String> all = new ArrayList<>();
        all.addAll(Api.as(Applications.lender(bank.id())).get(queue(bank)).then().statusCode(200).extract().jsonPath()
                .getList("items.applicant_org_id"));
        assertThat(all).containsExactly(sme.id().toString());
    }
}
