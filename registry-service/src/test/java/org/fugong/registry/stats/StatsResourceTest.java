package org.fugong.registry.stats;

import static org.fugong.registry.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.registry.support.Scenario;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@RegistryTest
class StatsResourceTest {

    @Test
    void headlineFiguresByRegionIndustryAndTier() {
        // Guizhou's Zunyi (5203) is used by no other test.
        UUID resumed = Scenario.resuming("520302", "AUTOMOBILES");
        Scenario.report(resumed, 100, 90, "85");
        UUID resuming = Scenario.resuming("520303", "FOOD");
        Scenario.report(resuming, 100, 50, "40");
        Scenario.enterprise("520303", "FOOD"); // not resumed

        Api.as(Api.reader()).queryParam("group_by", "region").queryParam("region", "5203")
                .get("/api/v1/stats/resumption").then().statusCode(200)
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
                .get("/api/v1/stats/resumption").then().statusCode(200)
                .body("groups.key", org.hamcrest.Matchers.contains("ESSENTIAL", "KEY_INDUSTRY"));
        Api.as(Api.reader()).queryParam("group_by", "INDUSTRY").queryParam("region", "5203")
                .get("/api/v1/stats/resumption").then().statusCode(200)
                .body("groups.key", org.hamcrest.Matchers.contains("AUTOMOBILES", "FOOD"));
    }

    @Test
    void provincesAreTheDefaultGroups() {
        Scenario.enterprise("520302", "FOOD");
        Api.as(Api.reader()).get("/api/v1/stats/resumption").then().statusCode(200)
                .body("group_by", equalTo("region"))
                .body("groups.key", org.hamcrest.Matchers.hasItem("520000"))
                .body("groups.find { it.key == '520000' }.name", equalTo("贵州省"));
    }

    @Test
    void badParametersAre400AndNoTokenIs401() {
        problem(Api.as(Api.reader()).queryParam("group_by", "colour").get("/api/v1/stats/resumption").then(), 400)
                .body("errors[0].field", equalTo("group_by"));
        problem(Api.as(Api.reader()).queryParam("region", "5").get("/api/v1/stats/resumption").then(), 400)
                .body("errors[0].field", equalTo("region"));
        problem(io.restassured.RestAssured.given().get("/api/v1/stats/resumption").then(), 401);
    }
}
