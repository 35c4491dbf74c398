package org.fugong.registry.stats;

import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.registry.support.Scenario;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Each test counts a region of its own, which no other test in the suite writes to. */
@QuarkusTest
@RegistryTest
class StatsResourceTest {

    static final String STATS = "/api/v1/stats/resumption";

    @Test
    void headlineFiguresByRegionIndustryAndTier() {
        // Guizhou's Zunyi (5203).
        UUID resumed = Scenario.resuming("520302", "AUTOMOBILES");
        Scenario.report(resumed, 100, 90, "85");
        UUID resuming = Scenario.resuming("520303", "FOOD");
        Scenario.report(resuming, 100, 50, "40");
        Scenario.enterprise("520303", "FOOD"); // not resumed

        Api.as(Api.admin()).queryParam("group_by", "region").queryParam("region", "5203")
                .get(STATS).then().statusCode(200)
                .body("groups", hasSize(2))
                .body("groups[0].key", equalTo("520302"))
                .body("groups[0].name", equalTo("红花岗区"))
                .body("groups[1].by_status.NOT_RESUMED", equalTo(1))
                .body("total.enterprises", equalTo(3))
                .body("total.by_status.RESUMED", equalTo(1))
                .body("total.by_status.RESUMING", equalTo(1))
                .body("total.operating_rate", equalTo("66.7"))
                .body("total.resumed_rate", equalTo("33.3"))
                .body("total.employees_total", equalTo(200))
                .body("total.employee_return_rate", equalTo("70.0"))
                .body("total.mean_capacity_utilisation", equalTo("62.5"));

        Api.as(Api.reader()).queryParam("group_by", "tier").queryParam("region", "520300")
                .get(STATS).then().statusCode(200)
                .body("groups.key", contains("ESSENTIAL", "KEY_INDUSTRY"));
        Api.as(Api.reader()).queryParam("group_by", "INDUSTRY").queryParam("region", "5203")
                .get(STATS).then().statusCode(200)
                .body("groups.key", contains("AUTOMOBILES", "FOOD"));
    }

    @Test
    void provincesAreTheDefaultGroups() {
        // Qinghai's Xining (6301).
        Scenario.enterprise("630102", "FOOD");
        Api.as(Api.reader()).get(STATS).then().statusCode(200)
                .body("group_by", equalTo("region"))
                .body("groups.key", hasItem("630000"))
                .body("groups.find { it.key == '630000' }.name", equalTo("青海省"));
    }

    @Test
    void readersSeeOnlyTheCountOfAGroupOfFewerThanThreeOrganisations() {
        // Kunming (5301): 530102 has three enterprises, 530103 one and 530111 two.
        for (int i = 0; i < 3; i++) {
            Scenario.report(Scenario.resuming("530102", "FOOD"), 100, 80, "60");
        }
        Scenario.report(Scenario.resuming("530103", "FOOD"), 40, 10, "20");
        Scenario.report(Scenario.resuming("530111", "FOOD"), 50, 50, "90");
        Scenario.enterprise("530111", "FOOD");

        for (String reader : new String[] { Api.reader(), Api.enterprise(UUID.randomUUID()), Api.authority("42") }) {
            Api.as(reader).queryParam("region", "5301").get(STATS).then().statusCode(200)
                    .body("groups.key", contains("530102", "530103", "530111"))
                    .body("groups[0].suppressed", equalTo(false))
                    .body("groups[0].employees_total", equalTo(300))
                    .body("groups[1].suppressed", equalTo(true))
                    .body("groups[1].enterprises", equalTo(1))
                    .body("groups[1]", not(hasKey("employees_total")))
                    .body("groups[1]", not(hasKey("employees_returned")))
                    .body("groups[1]", not(hasKey("employee_return_rate")))
                    .body("groups[1]", not(hasKey("mean_capacity_utilisation")))
                    .body("groups[1]", not(hasKey("by_status")))
                    .body("groups[2].suppressed", equalTo(true))
                    .body("groups[2].enterprises", equalTo(2))
                    .body("groups[2]", not(hasKey("employees_total")))
                    // The withheld groups hold three organisations together: the total gives none of them away.
                    .body("total.suppressed", equalTo(false))
                    .body("total.employees_total", equalTo(390));
        }
        // A county filter of one organisation: its total is withheld too.
        Api.as(Api.reader()).queryParam("region", "530103").get(STATS).then().statusCode(200)
                .body("total.enterprises", equalTo(1)).body("total.suppressed", equalTo(true))
                .body("total", not(hasKey("mean_capacity_utilisation")));

        // Administrators and authorities covering the region see every figure.
        for (String official : new String[] { Api.admin(), Api.authority("53"), Api.authority("5301") }) {
            Api.as(official).queryParam("region", "5301").get(STATS).then().statusCode(200)
                    .body("groups[1].suppressed", equalTo(false))
                    .body("groups[1].employees_total", equalTo(40))
                    .body("groups[1].mean_capacity_utilisation", equalTo("20.0"));
        }
    }

    @Test
    void aLoneSmallGroupTakesTheSmallestOtherGroupWithItSoTheTotalCannotGiveItAway() {
        // Yuxi (5304): 530402 has three enterprises, 530403 one.
        for (int i = 0; i < 3; i++) {
            Scenario.report(Scenario.resuming("530402", "FOOD"), 100, 80, "60");
        }
        Scenario.report(Scenario.resuming("530403", "FOOD"), 40, 10, "20");

        Api.as(Api.reader()).queryParam("region", "5304").get(STATS).then().statusCode(200)
                .body("groups.suppressed", contains(true, true))
                .body("groups[0].enterprises", equalTo(3))
                .body("groups[0]", not(hasKey("employees_total")))
                .body("total.suppressed", equalTo(false))
                .body("total.employees_total", equalTo(340));
    }

    @Test
    void returnRateAndCapacityCountOnlyActiveEnterprisesAtWork() {
        // Qujing (5303): one enterprise at work, one halted by suspension, one halted by a report of no production.
        UUID atWork = Scenario.resuming("530302", "FOOD");
        Scenario.report(atWork, 100, 90, "85");
        UUID suspended = Scenario.resuming("530302", "FOOD");
        Scenario.report(suspended, 100, 20, "30");
        Scenario.suspend(suspended);
        UUID reinstated = Scenario.resuming("530302", "FOOD");
        Scenario.report(reinstated, 100, 60, "70");
        Scenario.suspend(reinstated);
        Scenario.reinstate(reinstated);
        UUID stopped = Scenario.resuming("530302", "FOOD");
        Scenario.report(stopped, "2020-03-10", 100, 80, "90");
        Scenario.report(stopped, "2020-03-11", 100, 0, "0");

        Api.as(Api.admin()).queryParam("region", "5303").get(STATS).then().statusCode(200)
                .body("total.enterprises", equalTo(4))
                .body("total.by_status.HALTED", equalTo(3))
                .body("total.employees_total", equalTo(100))
                .body("total.employees_returned", equalTo(90))
                .body("total.employee_return_rate", equalTo("90.0"))
                .body("total.mean_capacity_utilisation", equalTo("85.0"));
    }

    @Test
    void badParametersAre400AndNoTokenIs401() {
        problem(Api.as(Api.reader()).queryParam("group_by", "colour").get(STATS).then(), 400)
                .body("errors[0].field", equalTo("group_by"));
        problem(Api.as(Api.reader()).queryParam("region", "5").get(STATS).then(), 400)
                .body("errors[0].field", equalTo("region"));
        problem(io.restassured.RestAssured.given().get(STATS).then(), 401);
    }
}
