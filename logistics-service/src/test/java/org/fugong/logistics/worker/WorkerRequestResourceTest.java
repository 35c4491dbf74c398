package org.fugong.logistics.worker;

import static org.fugong.logistics.support.Workers.REQUESTS;
import static org.fugong.testing.ProblemAssertions.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.fugong.logistics.support.Api;
import org.fugong.logistics.support.LogisticsTest;
import org.fugong.logistics.support.RegistryFeed;
import org.fugong.logistics.support.Workers;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** {@code /api/v1/worker-transport-requests}: submitting, the manifest and its checks, reading, scopes, idempotency, pages. */
@QuarkusTest
@LogisticsTest
class WorkerRequestResourceTest {

    static final String HOME = "330109"; // Xiaoshan, Hangzhou: where these tests' enterprises are
    static final String ORIGIN = "411521"; // Luoshan, Xinyang

    static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Workers.request(ORIGIN, 3);
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withPassenger(int index, String field, Object value) {
        return with(b -> ((List<Map<String, Object>>) b.get("passengers")).get(index).put(field, value));
    }

    @Test
    void anActiveEnterpriseAsksToBringItsEmployeesBackToItsOwnCounty() {
        UUID enterprise = RegistryFeed.organisation(HOME, "ACTIVE", "STANDARD", false);
        Map<String, Object> body = Workers.request(ORIGIN, 3);
        body.put("travel_date", Api.today().toString()); // today is allowed
        ExtractableResponse<Response> created = Api.as(Api.enterprise(enterprise)).body(body).post(REQUESTS).then()
                .statusCode(201).header("Location", containsString(REQUESTS + "/"))
                .body("enterprise_id", equalTo(enterprise.toString()))
                .body("origin_region", equalTo(ORIGIN)).body("destination_region", equalTo(HOME))
                .body("passenger_count", equalTo(3)).body("status", equalTo("SUBMITTED"))
                .body("trip_id", nullValue()).body("manifest_masked", equalTo(false))
                .body("passengers.id_number", equalTo(List.of(Workers.residentId(0), Workers.residentId(1),
                        Workers.residentId(2))))
                .body("passengers[0].name", equalTo("工人0")).body("passengers[0].phone", equalTo(Workers.phone(0)))
                .extract();
        String id = created.path("id");
        Api.as(Api.enterprise(enterprise)).get(REQUESTS + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"" + created.path("version") + "\""))
                .body("passengers", hasSize(3)).body("manifest_masked", equalTo(false));
    }

    @Test
    void theDestinationIsTheEnterprisesCountyAndCannotBeSentInTheBody() {
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        problem(Api.as(Api.enterprise(enterprise)).body(with(b -> b.put("destination_region", "330106"))).post(REQUESTS)
                .then(), 400).body("errors.field", hasItem("destination_region"));
        problem(Api.as(Api.enterprise(enterprise)).body(with(b -> b.put("origin_region", HOME))).post(REQUESTS).then(),
                400).body("errors[0].field", equalTo("origin_region"));
    }

    @Test
    void badInputIs400NamingTheFieldAndWritesNothing() {
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("origin_region", with(b -> b.put("origin_region", "999999")));
        cases.put("origin_region ", with(b -> b.put("origin_region", "411500"))); // a prefecture
        cases.put("origin_region  ", with(b -> b.put("origin_region", "4115")));
        cases.put("travel_date", with(b -> b.put("travel_date", Api.today().minusDays(1).toString())));
        cases.put("travel_date ", with(b -> b.put("travel_date", Api.today().plusDays(31).toString())));
        cases.put("travel_date  ", with(b -> b.put("travel_date", "25/02/2020")));
        cases.put("passengers", with(b -> b.put("passengers", List.of())));
        cases.put("passengers ", with(b -> b.remove("passengers")));
        cases.put("passengers   ", Workers.request(ORIGIN, 31)); // the configured maximum is 30
        cases.put("passengers[1].id_number", withPassenger(1, "id_number", "110105194912310021"));
        cases.put("passengers[1].id_number ", withPassenger(1, "id_number", "1101051949123"));
        cases.put("passengers[2].name", withPassenger(2, "name", " "));
        cases.put("passengers[2].name ", withPassenger(2, "name", "名".repeat(51)));
        cases.put("passengers[0].phone", withPassenger(0, "phone", "12345"));
        cases.put("passengers[0].id_number", withPassenger(0, "id_number", "x".repeat(300)));
        cases.put("passengers[0].surprise", withPassenger(0, "surprise", 1));
        cases.forEach((field, body) -> problem(Api.as(Api.enterprise(enterprise)).body(body).post(REQUESTS).then(), 400)
                .body("errors.field", hasItem(field.strip())));
        Api.as(Api.enterprise(enterprise)).get(REQUESTS).then().statusCode(200).body("items", hasSize(0));
        // The boundaries that are allowed: the horizon's last day, 30 passengers.
        Workers.submit(enterprise, with(b -> b.put("travel_date", Api.today().plusDays(30).toString())));
        Workers.submit(enterprise, Workers.request(ORIGIN, Api.today().plusDays(3), 0, 30));
    }

    @Test
    void everyBadAndEveryRepeatedIdNumberIsNamedByItsIndexInOneAnswer() {
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        Map<String, Object> body = Workers.request(ORIGIN, 5);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> passengers = (List<Map<String, Object>>) body.get("passengers");
        passengers.get(1).put("id_number", "110105194912310021"); // wrong check character
        passengers.get(3).put("id_number", Workers.residentId(0)); // the first passenger again
        passengers.get(4).put("id_number", Workers.residentId(0)); // and once more
        problem(Api.as(Api.enterprise(enterprise)).body(body).post(REQUESTS).then(), 400)
                .body("errors.field", equalTo(List.of("passengers[1].id_number", "passengers[3].id_number",
                        "passengers[4].id_number")))
                .body("errors[1].message", containsString("passengers[0]"))
                .body("detail", org.hamcrest.Matchers.not(containsString(Workers.residentId(0))));
        Api.as(Api.enterprise(enterprise)).get(REQUESTS).then().body("items", hasSize(0));
    }

    @Test
    void someoneAlreadyOnAnotherOfTheEnterprisesRequestsThatDayIs409() {
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        String first = Workers.submit(enterprise, Workers.request(ORIGIN, Api.today().plusDays(4), 0, 3));
        problem(Api.as(Api.enterprise(enterprise)).body(Workers.request("411522", Api.today().plusDays(4), 2, 2))
                .post(REQUESTS).then(), 409)
                .body("errors.field", equalTo(List.of("passengers[0].id_number")))
                .body("errors[0].message", containsString(first));
        // Another day, or another enterprise the same day, is someone else's business.
        Workers.submit(enterprise, Workers.request(ORIGIN, Api.today().plusDays(5), 0, 3));
        Workers.submit(RegistryFeed.essentialEnterprise(HOME), Workers.request(ORIGIN, Api.today().plusDays(4), 0, 3));
    }

    @Test
    void anOriginInAHighRiskRegionIsRefusedNamingOriginRegionAndTheRule() {
        RegistryFeed.riskLevel("411523", "HIGH", 1); // Xin county, Xinyang: only this test uses it
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        problem(Api.as(Api.enterprise(enterprise)).body(with(b -> b.put("origin_region", "411523"))).post(REQUESTS)
                .then(), 409).body("type", containsString("origin-high-risk"))
                .body("errors[0].field", equalTo("origin_region"))
                .body("errors[0].message", containsString(OriginRule.ORIGIN_HIGH_RISK_REFUSED));
        Api.as(Api.enterprise(enterprise)).get(REQUESTS).then().body("items", hasSize(0));
        RegistryFeed.riskLevel("411523", "MEDIUM", 2);
        Workers.submit(enterprise, with(b -> b.put("origin_region", "411523")));
    }

    @Test
    void onlyAnActiveEnterpriseKnownToLogisticsAsksAndOnlyForItself() {
        problem(Api.as(Workers.zhejiang()).body(Workers.request(ORIGIN, 1)).post(REQUESTS).then(), 403);
        problem(Api.as(TestJwt.reader()).body(Workers.request(ORIGIN, 1)).post(REQUESTS).then(), 403);
        problem(Api.as(TestJwt.as("ENTERPRISE").token()).body(Workers.request(ORIGIN, 1)).post(REQUESTS).then(), 403);
        problem(Api.as(Api.enterprise(UUID.randomUUID())).body(Workers.request(ORIGIN, 1)).post(REQUESTS).then(), 409);
        UUID suspended = RegistryFeed.organisation(HOME, "SUSPENDED", "ESSENTIAL", false);
        problem(Api.as(Api.enterprise(suspended)).body(Workers.request(ORIGIN, 1)).post(REQUESTS).then(), 409)
                .body("detail", containsString("SUSPENDED"));
        problem(io.restassured.RestAssured.given().contentType("application/json").body(Workers.request(ORIGIN, 1))
                .post(REQUESTS).then(), 401);
    }

    @Test
    void othersRequestsAre404AndTheManifestIsMaskedForAuthorities() {
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        String id = Workers.submit(enterprise, Workers.request(ORIGIN, 2));
        String path = REQUESTS + "/" + id;
        for (String outsider : List.of(Api.enterprise(UUID.randomUUID()), TestJwt.authority("42"),
                TestJwt.authority("3302"), TestJwt.authority("411522"))) {
            problem(Api.as(outsider).get(path).then(), 404);
        }
        problem(Api.as(TestJwt.as("CHECKPOINT").regionScope("33").token()).get(path).then(), 403);
        for (String authority : List.of(Workers.zhejiang(), TestJwt.authority("330109"), TestJwt.authority("4115"))) {
            Api.as(authority).get(path).then().statusCode(200).body("manifest_masked", equalTo(true))
                    .body("passengers[0].name", equalTo("工**"))
                    .body("passengers[0].id_number", equalTo("411502********" + Workers.residentId(0).substring(14)))
                    .body("passengers[0].phone", equalTo("139****0000"));
        }
        Api.as(TestJwt.admin()).get(path).then().statusCode(200).body("manifest_masked", equalTo(false))
                .body("passengers[1].id_number", equalTo(Workers.residentId(1)));
        problem(Api.as(TestJwt.admin()).get(REQUESTS + "/" + UUID.randomUUID()).then(), 404);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndADifferentBodyIs422() {
        UUID enterprise = RegistryFeed.essentialEnterprise(HOME);
        String token = Api.enterprise(enterprise);
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = Api.as(token).header("Idempotency-Key", key)
                .body(Workers.request(ORIGIN, 2)).post(REQUESTS).then().statusCode(201).extract();
        Api.as(token).header("Idempotency-Key", key).body(Workers.request(ORIGIN, 2)).post(REQUESTS).then()
                .statusCode(201).header("Idempotent-Replayed", "true").header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        problem(Api.as(token).header("Idempotency-Key", key).body(Workers.request(ORIGIN, 3)).post(REQUESTS).then(), 422);
        Api.as(token).get(REQUESTS).then().body("items", hasSize(1));
        // Without the key the same manifest for the same day is the same people twice.
        problem(Api.as(token).body(Workers.request(ORIGIN, 2)).post(REQUESTS).then(), 409);
    }

    @Test
    void listsArePagedByCursorFilteredAndScoped() {
        UUID enterprise = RegistryFeed.essentialEnterprise("330110"); // Yuhang: only this test's enterprise
        Workers.submit(enterprise, Workers.request(ORIGIN, Api.today().plusDays(1), 0, 2));
        Workers.submit(enterprise, Workers.request(ORIGIN, Api.today().plusDays(2), 0, 2));
        Workers.submit(enterprise, Workers.request("411602", Api.today().plusDays(2), 10, 1));
        String token = Api.enterprise(enterprise);
        ExtractableResponse<Response> page = Api.as(token).queryParam("limit", 2).get(REQUESTS).then().statusCode(200)
                .body("items", hasSize(2)).body("next_cursor", notNullValue()).extract();
        Api.as(token).queryParam("limit", 2).queryParam("cursor", page.<String>path("next_cursor")).get(REQUESTS).then()
                .statusCode(200).body("items", hasSize(1)).body("next_cursor", nullValue())
                .body("items[0].origin_region", equalTo("411602"));
        Api.as(token).queryParam("travel_date", Api.today().plusDays(2).toString()).get(REQUESTS).then()
                .body("items", hasSize(2));
        Api.as(token).queryParam("origin_region", "4115").get(REQUESTS).then().body("items", hasSize(2));
        Api.as(token).queryParam("status", "submitted").get(REQUESTS).then().body("items", hasSize(3));
        Api.as(token).queryParam("status", "ARRIVED").get(REQUESTS).then().body("items", hasSize(0));
        Api.as(token).queryParam("trip_id", UUID.randomUUID().toString()).get(REQUESTS).then().body("items", hasSize(0));
        Api.as(Api.enterprise(UUID.randomUUID())).get(REQUESTS).then().body("items", hasSize(0));
        problem(Api.as(token).queryParam("limit", 101).get(REQUESTS).then(), 400).body("errors[0].field", equalTo("limit"));
        problem(Api.as(token).queryParam("cursor", "nope").get(REQUESTS).then(), 400).body("errors[0].field", equalTo("cursor"));
        problem(Api.as(token).queryParam("status", "LOST").get(REQUESTS).then(), 400).body("errors[0].field", equalTo("status"));
        problem(Api.as(token).queryParam("travel_date", "soon").get(REQUESTS).then(), 400)
                .body("errors[0].field", equalTo("travel_date"));
        problem(Api.as(token).queryParam("origin_region", "41150").get(REQUESTS).then(), 400)
                .body("errors[0].field", equalTo("origin_region"));
        problem(Api.as(token).queryParam("trip_id", "x").get(REQUESTS).then(), 400).body("errors[0].field", equalTo("trip_id"));
        Api.as(TestJwt.authority("330110")).queryParam("limit", 100).get(REQUESTS).then().statusCode(200)
                .body("items.enterprise_id", everyItem(equalTo(enterprise.toString())))
                .body("items", hasSize(3)).body("items.manifest_masked", everyItem(equalTo(true)));
        Api.as(TestJwt.authority("4116")).queryParam("limit", 100).get(REQUESTS).then().statusCode(200)
                .body("items.origin_region", everyItem(org.hamcrest.Matchers.startsWith("4116")))
                .body("items.enterprise_id", hasItems(enterprise.toString()));
        Api.as(TestJwt.authority("42")).queryParam("limit", 100).get(REQUESTS).then().statusCode(200)
                .body("items.findAll { it.enterprise_id == '" + enterprise + "' }", hasSize(0));
    }
}
