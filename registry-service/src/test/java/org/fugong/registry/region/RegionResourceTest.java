package org.fugong.registry.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fugong.registry.support.Api;
import org.fugong.registry.support.RegistryTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@RegistryTest
class RegionResourceTest {

    @Test
    void everyRegionOfTheReferenceFileIsSeeded() throws Exception {
        List<String[]> rows;
        try (var in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/reference/gbt2260-regions.csv"), StandardCharsets.UTF_8))) {
            rows = in.lines().skip(1).map(l -> l.split(",", -1)).toList();
        }
        assertThat(rows).hasSize(3351);
        Set<String> codes = rows.stream().map(r -> r[0]).collect(Collectors.toSet());
        assertThat(Region.count()).isEqualTo(codes.size());
        assertThat(Region.count("level", RegionLevel.PROVINCE)).isEqualTo(31);
        assertThat(Region.count("level", RegionLevel.PREFECTURE)).isEqualTo(342);
        long counties = rows.stream().filter(r -> r[3].equals("COUNTY")).count();
        assertThat(Region.count("countyLevel", true)).isEqualTo(counties);
        for (String[] row : rows) {
            Region r = Region.findById(row[0]);
            assertThat(r).as(row[0]).isNotNull();
            assertThat(r.name).isEqualTo(row[1]);
        }
    }

    @Test
    void anyCallerReadsRegions() {
        Api.as(Api.reader()).get("/api/v1/regions/420000").then().statusCode(200)
                .body("name", equalTo("湖北省")).body("name_en", equalTo("Hubei")).body("level", equalTo("PROVINCE"));
        Api.as(TestJwt.as("CHECKPOINT").regionScope("42").token()).queryParam("parent", "420100")
                .queryParam("limit", 100).get("/api/v1/regions").then().statusCode(200)
                .body("items.parent_code", everyItem(equalTo("420100")))
                .body("items", hasSize(13));
        Api.as(Api.reader()).get("/api/v1/regions/441900").then().statusCode(200)
                .body("level", equalTo("PREFECTURE")).body("county_level", equalTo(true));
    }

    @Test
    void badRegionQueriesAre400Or404() {
        problem(Api.as(Api.reader()).get("/api/v1/regions/999999").then(), 404);
        problem(Api.as(Api.reader()).get("/api/v1/regions/abc").then(), 404);
        problem(Api.as(Api.reader()).queryParam("level", "CITY").get("/api/v1/regions").then(), 400)
                .body("errors[0].field", equalTo("level"));
        problem(Api.as(Api.reader()).queryParam("parent", "42").get("/api/v1/regions").then(), 400)
                .body("errors[0].field", equalTo("parent"));
        problem(io.restassured.RestAssured.given().get("/api/v1/regions").then(), 401);
    }

    @Test
    void aPrefectureLevelCascadesToEveryCountyBelowWithHistory() {
        String wuhan = "420100";
        String etag = Api.as(Api.reader()).get("/api/v1/regions/" + wuhan).then().statusCode(200).extract().header("ETag");
        Api.as(Api.authority("42")).header("If-Match", etag)
                .body(Map.of("risk_level", "HIGH", "reason", "Clusters in the past 14 days"))
                .put("/api/v1/regions/" + wuhan + "/risk-level").then().statusCode(200)
                .body("risk_level", equalTo("HIGH"));
        Api.as(Api.reader()).queryParam("parent", wuhan).queryParam("limit", 100).get("/api/v1/regions").then()
                .body("items.risk_level", everyItem(equalTo("HIGH")));
        Api.as(Api.reader()).get("/api/v1/regions/420102/risk-history").then().statusCode(200)
                .body("items[0].risk_level", equalTo("HIGH")).body("items[0].set_on_code", equalTo(wuhan))
                .body("items[0].reason", equalTo("Clusters in the past 14 days"));
        // A neighbouring prefecture is untouched.
        Api.as(Api.reader()).get("/api/v1/regions/420200").then().body("risk_level", equalTo("LOW"));
        // Back down for the other tests.
        Api.as(Api.authority("42")).header("If-Match", "*").body(Map.of("risk_level", "LOW"))
                .put("/api/v1/regions/" + wuhan + "/risk-level").then().statusCode(200);
        Api.as(Api.reader()).get("/api/v1/regions/420102/risk-history").then()
                .body("items[0].risk_level", equalTo("LOW")).body("items[0].previous_level", equalTo("HIGH"));
    }

    @Test
    void onlyAnAuthorityCoveringTheRegionSetsItsLevel() {
        String path = "/api/v1/regions/330106/risk-level";
        Map<String, String> body = Map.of("risk_level", "MEDIUM");
        problem(Api.as(Api.authority("42")).header("If-Match", "*").body(body).put(path).then(), 403);
        problem(Api.as(Api.reader()).header("If-Match", "*").body(body).put(path).then(), 403);
        problem(Api.as(Api.enterprise(java.util.UUID.randomUUID())).header("If-Match", "*").body(body).put(path)
                .then(), 403);
        problem(Api.as(Api.authority("33")).header("If-Match", "*").body(Map.of("risk_level", "PURPLE")).put(path)
                .then(), 400).body("errors[0].field", equalTo("risk_level"));
        problem(Api.as(Api.authority("33")).body(body).put(path).then(), 428);
        problem(Api.as(Api.authority("33")).header("If-Match", "\"999\"").body(body).put(path).then(), 412);
        problem(Api.as(Api.authority("33")).header("If-Match", "*").body(body).put("/api/v1/regions/339999/risk-level")
                .then(), 404);
    }

    @Test
    void historyPages() {
        String path = "/api/v1/regions/110101/risk-level";
        for (String level : List.of("MEDIUM", "HIGH", "LOW")) {
            Api.as(Api.admin()).header("If-Match", "*").body(Map.of("risk_level", level)).put(path).then()
                    .statusCode(200);
        }
        var first = Api.as(Api.reader()).queryParam("limit", 2).get("/api/v1/regions/110101/risk-history").then()
                .statusCode(200).body("items", hasSize(2)).body("items[0].risk_level", equalTo("LOW")).extract();
        String cursor = first.path("next_cursor");
        Api.as(Api.reader()).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/regions/110101/risk-history").then().statusCode(200)
                .body("items[0].risk_level", equalTo("MEDIUM"));
    }
}
