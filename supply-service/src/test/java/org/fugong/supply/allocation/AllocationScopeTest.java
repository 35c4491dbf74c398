package org.fugong.supply.allocation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.util.UUID;

import org.fugong.supply.support.Api;
import org.fugong.supply.support.RegistryFeed;
import org.fugong.supply.support.SupplyTest;
import org.fugong.testing.TestJwt;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The allocation list shows what the single GET shows: the supplier's own, the requesting
 * hospital's, an authority's for deliveries in its region, everything to administrators.
 */
@QuarkusTest
@SupplyTest
class AllocationScopeTest {

    @Test
    void theListShowsAnAllocationToExactlyThoseWhoMaySeeIt() {
        String item = Api.newItem(null);
        UUID supplier = RegistryFeed.organisation("ENTERPRISE", "440305", "ACTIVE", 0);
        UUID hospital = RegistryFeed.organisation("HEALTH_INSTITUTION", "420102", "ACTIVE", 0);
        Api.as(Api.supplier(supplier)).body(Api.certifiedOffer(item, 10, "440305")).post("/api/v1/supply-offers").then()
                .statusCode(201);
        String request = Api.as(Api.hospital(hospital)).body(Api.request(item, 4, "HIGH"))
                .post("/api/v1/supply-requests").then().statusCode(201).extract().path("id");
        String allocation = Api.as(TestJwt.admin()).queryParam("request_id", request).get("/api/v1/allocations").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasSize(1)).extract().path("items[0].id");

        for (String maysee : new String[] { Api.supplier(supplier), Api.hospital(hospital), TestJwt.authority("42"),
                TestJwt.authority("4201"), TestJwt.admin() }) {
            Api.as(maysee).queryParam("request_id", request).get("/api/v1/allocations").then().statusCode(200)
                    .body("items.id", contains(allocation));
        }
        // The supplier's province is not the delivery region's: an authority there does not see it.
        for (String mayNot : new String[] { Api.supplier(UUID.randomUUID()), Api.hospital(UUID.randomUUID()),
                TestJwt.authority("44"), TestJwt.authority("4202") }) {
            Api.as(mayNot).queryParam("request_id", request).get("/api/v1/allocations").then().statusCode(200)
                    .body("items", empty());
        }
    }
}
