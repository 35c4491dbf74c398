package org.fugong.supply.gap;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@SupplyTest
class SupplyGapTest {

    @Test
    void theGapIsOpenDemandLessFreeSupplyCoveredByDeclaredCapacity() {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 100, "420111")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        Api.as(Api.hospital(hospital)).body(Api.request(item, 400, "CRITICAL")).post("/api/v1/supply-requests").then()
                .statusCode(201);
        Api.as(Api.hospital(hospital)).body(Api.request(item, 200, "NORMAL")).post("/api/v1/supply-requests").then()
                .statusCode(201);
        Api.as(TestJwt.reader()).queryParam("item", item).get("/api/v1/supply-gaps").then().statusCode(200)
                .body("", hasSize(1)).body("[0].open_demand", equalTo(500)).body("[0].free_supply", equalTo(0))
                .body("[0].gap", equalTo(500)).body("[0].critical_requests_waiting", equalTo(1))
                .body("[0].days_to_cover", nullValue());

        Api.as(Api.supplier(supplier)).body(Map.of("item_code", item, "daily_quantity", 120))
                .put("/api/v1/production-capacities").then().statusCode(204);
        Api.as(TestJwt.authority("42")).queryParam("item", item).queryParam("region", "4201").get("/api/v1/supply-gaps")
                .then().statusCode(200).body("[0].daily_capacity", equalTo(120)).body("[0].days_to_cover", equalTo("4.2"));
        // Elsewhere there is no demand for it.
        Api.as(TestJwt.reader()).queryParam("item", item).queryParam("region", "33").get("/api/v1/supply-gaps").then()
                .body("[0].open_demand", equalTo(0)).body("[0].gap", equalTo(0));
    }

    @Test
    void badQueriesAndDeclarationsAre4xx() {
        Api.as(TestJwt.reader()).queryParam("item", "NOPE").get("/api/v1/supply-gaps").then().statusCode(400)
                .body("errors[0].field", equalTo("item"));
        Api.as(TestJwt.reader()).queryParam("region", "4").get("/api/v1/supply-gaps").then().statusCode(400)
                .body("errors[0].field", equalTo("region"));
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "420111", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Map.of("item_code", "RICE", "daily_quantity", -1))
                .put("/api/v1/production-capacities").then().statusCode(400).body("errors[0].field", equalTo("daily_quantity"));
        Api.as(Api.supplier(supplier)).body(Map.of("item_code", "NOPE", "daily_quantity", 1))
                .put("/api/v1/production-capacities").then().statusCode(400).body("errors[0].field", equalTo("item_code"));
        Api.as(TestJwt.reader()).body(Map.of("item_code", "RICE", "daily_quantity", 1))
                .put("/api/v1/production-capacities").then().statusCode(403);
    }
}
