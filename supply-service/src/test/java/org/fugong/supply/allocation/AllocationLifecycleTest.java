package org.fugong.supply.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@SupplyTest
class AllocationLifecycleTest {

    @Test
    void theSupplierConfirmsOrDeclinesAndADeclineIsMatchedAgainElsewhere() {
        String item = Api.newItem(null);
        UUID near = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID far = RegistryFeed.organisation("ENTERPRISE", "440305", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        String nearOffer = Api.as(Api.supplier(near)).body(Api.certifiedOffer(item, 40, "420111"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        String farOffer = Api.as(Api.supplier(far)).body(Api.certifiedOffer(item, 100, "440305"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 30, "CRITICAL"))
                .post("/api/v1/supply-requests").then().statusCode(201).body("allocated", equalTo(30)).extract().path("id");
        String allocation = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].offer_id", equalTo(nearOffer))
                .extract().path("items[0].id");
        String path = "/api/v1/allocations/" + allocation;

        // Neither the hospital nor another supplier may answer for the supplier: not theirs, 404.
        Api.as(Api.supplier(far)).put(path + "/confirmation").then().statusCode(404);
        Api.as(Api.hospital(hospital)).put(path + "/decline").then().statusCode(403);

        Api.as(Api.supplier(near)).put(path + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"));
        Api.as(Api.supplier(near)).put(path + "/confirmation").then().statusCode(409);
        // The 30 went back to the request and were matched again: the near supplier still has the 10 it did
        // not decline, the far one gives the rest.
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("allocated", equalTo(30));
        var again = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations").then()
                .body("items", hasSize(3)).extract();
        assertThat(again.<List<String>>path("items.offer_id")).containsExactly(nearOffer, nearOffer, farOffer);
        assertThat(again.<List<Integer>>path("items.quantity")).containsExactly(30, 10, 20);
        Api.as(Api.supplier(near)).get("/api/v1/supply-offers/" + nearOffer).then().body("quantity", equalTo(10))
                .body("allocated", equalTo(10)).body("status", equalTo("EXHAUSTED"));

        String second = again.path("items[2].id");
        Api.as(Api.supplier(far)).put("/api/v1/allocations/" + second + "/confirmation").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        Api.as(Api.supplier(far)).put("/api/v1/allocations/" + second + "/confirmation").then().statusCode(200);
        Api.as(Api.supplier(far)).put("/api/v1/allocations/" + second + "/decline").then().statusCode(409);
        Api.as(TestJwt.authority("42")).get("/api/v1/allocations/" + second).then().statusCode(200);
        Api.as(TestJwt.authority("33")).get("/api/v1/allocations/" + second).then().statusCode(404);
        Api.as(Api.hospital(UUID.randomUUID())).get("/api/v1/allocations/" + second).then().statusCode(404);
    }

    @Test
    void aSuspensionByTheRegistryCancelsTheSuppliersProposedAllocationsAndMatchesAgain() {
        String item = Api.newItem(null);
        UUID near = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID far = RegistryFeed.organisation("ENTERPRISE", "440305", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Api.as(Api.supplier(near)).body(Api.certifiedOffer(item, 50, "420111")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 20, "HIGH"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String farOffer = Api.as(Api.supplier(far)).body(Api.certifiedOffer(item, 50, "440305"))
                .post("/api/v1/supply-offers").then().statusCode(201).extract().path("id");
        String first = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations").then()
                .body("items", hasSize(1)).extract().path("items[0].id");

        RegistryFeed.publish(near, "ENTERPRISE", "420111", "SUSPENDED", 1, "fugong.registry.enterprise.status-changed",
                UUID.randomUUID().toString());
        RegistryFeed.await(() -> Api.as(Api.hospital(hospital)).get("/api/v1/allocations/" + first).then().extract()
                .<String>path("status").equals("CANCELLED"));
        var now = Api.as(Api.hospital(hospital)).queryParam("request_id", request).get("/api/v1/allocations").then()
                .body("items", hasSize(2)).extract();
        assertThat(now.<String>path("items[1].offer_id")).isEqualTo(farOffer);
        assertThat(now.<String>path("items[1].status")).isEqualTo("PROPOSED");
        Api.as(Api.hospital(hospital)).get("/api/v1/supply-requests/" + request).then().body("allocated", equalTo(20));
    }

    @Test
    void anAuthorityRunsMatchingOnDemand() {
        String item = Api.newItem(null);
        Api.as(TestJwt.authority("42")).body(java.util.Map.of("item_codes", List.of(item))).post("/api/v1/matching-runs")
                .then().statusCode(200).body("allocations_made", equalTo(0));
        Api.as(TestJwt.authority("42")).body(java.util.Map.of("item_codes", List.of("NOT_AN_ITEM")))
                .post("/api/v1/matching-runs").then().statusCode(400);
        Api.as(Api.supplier(UUID.randomUUID())).body("{}").post("/api/v1/matching-runs").then().statusCode(403);
    }
}
